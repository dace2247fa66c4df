package org.opensspr;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;

/**
 * The real directory, with switches that make it unreachable: every call, or only the writes, or
 * only unlocks then fail as a network failure would ({@link DirectoryUnavailableException}), so
 * tests can prove what the server does when the directory goes away in the middle of a flow.
 */
public final class FaultableDirectory implements Directory {

    private final Directory real;
    private volatile boolean down;
    private volatile boolean writesFail;
    private volatile boolean unlockFails;
    private final java.util.concurrent.atomic.AtomicInteger authentications =
            new java.util.concurrent.atomic.AtomicInteger();

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

    private Directory up() {
        if (down) {
            throw new DirectoryUnavailableException("SERVER_DOWN (test)", null);
        }
        return real;
    }

    @Override
    public Optional<DirectoryUser> findUser(String login) {
        return up().findUser(login);
    }

    @Override
    public Optional<DirectoryUser> authenticate(String login, String password) {
        authentications.incrementAndGet();
        return up().authenticate(login, password);
    }

    @Override
    public Set<String> groupsOf(DirectoryUser user) {
        return up().groupsOf(user);
    }

    @Override
    public List<DirectoryUser> membersOf(String group) {
        return up().membersOf(group);
    }

    @Override
    public void resetPassword(DirectoryUser user, String newPassword) {
        writable(false).resetPassword(user, newPassword);
    }

    @Override
    public void unlock(DirectoryUser user) {
        writable(true).unlock(user);
    }

    @Override
    public Optional<java.time.Instant> passwordChangedAt(DirectoryUser user) {
        return up().passwordChangedAt(user);
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
