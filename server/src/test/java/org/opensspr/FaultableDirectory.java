package org.opensspr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;

/**
 * The real directory, with switches that make it unreachable: every call, or only the writes, or
 * only unlocks then fail as a network failure would ({@link DirectoryUnavailableException}), so
 * tests can prove what the server does when the directory goes away in the middle of a flow. It
 * also counts the calls that reach the directory, so tests can prove two paths do the same work.
 */
public final class FaultableDirectory implements Directory {

    private final Directory real;
    private volatile boolean down;
    private volatile boolean writesFail;
    private volatile boolean unlockFails;
    private final AtomicInteger authentications = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public FaultableDirectory(Directory real) {
        this.real = real;
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Password writes and unlocks fail; reads still work. */
    public void failWrites(boolean fail) {
        this.writesFail = fail;
    }

    /** Only unlocks fail. */
    public void failUnlock(boolean fail) {
        this.unlockFails = fail;
    }

    /** How many password checks ({@link #authenticate}) reached the directory since the last {@link #heal()}. */
    public int authentications() {
        return authentications.get();
    }

    /** Everything works again, and the count of password checks starts from zero. */
    public void heal() {
        authentications.set(0);
        down = false;
        writesFail = false;
        unlockFails = false;
    }

    private Directory writable(boolean unlock) {
        if (writesFail || (unlock && unlockFails)) {
            throw new DirectoryUnavailableException("SERVER_DOWN (test: writes fail)", null);
        }
        return up();
    }

    /** How often each method that talks to the directory was called since the last {@link #resetCalls()}. */
    public Map<String, Integer> calls() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach((method, count) -> counts.put(method, count.get()));
        return counts;
    }

    public void resetCalls() {
        calls.clear();
    }

    private Directory counted(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        return up();
    }

    private Directory up() {
        if (down) {
            throw new DirectoryUnavailableException("SERVER_DOWN (test)", null);
        }
        return real;
    }

    @Override
    public Optional<DirectoryUser> findUser(String login) {
        return counted("findUser").findUser(login);
    }

    @Override
    public Optional<DirectoryUser> authenticate(String login, String password) {
        authentications.incrementAndGet();
        return counted("authenticate").authenticate(login, password);
    }

    @Override
    public Set<String> groupsOf(DirectoryUser user) {
        return counted("groupsOf").groupsOf(user);
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        return counted("membersOf").membersOf(group);
    }

    @Override
    public void resetPassword(DirectoryUser user, String newPassword) {
        counted("resetPassword");
        writable(false).resetPassword(user, newPassword);
    }

    @Override
    public void unlock(DirectoryUser user) {
        counted("unlock");
        writable(true).unlock(user);
    }

    @Override
    public Optional<java.time.Instant> passwordChangedAt(DirectoryUser user) {
        return counted("passwordChangedAt").passwordChangedAt(user);
    }

    @Override
    public boolean isAvailable() {
        return !down && real.isAvailable();
    }

    @Override
    public String baseDn() {
        return real.baseDn();
    }
}
