package org.opensspr;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUnavailableException;
import org.opensspr.directory.DirectoryUser;

/**
 * The real directory, with a switch that makes it unreachable: every call then fails as a
 * network failure would ({@link DirectoryUnavailableException}), so tests can prove what the
 * server does when the directory goes away in the middle of a flow.
 */
public final class FaultableDirectory implements Directory {

    private final Directory real;
    private volatile boolean down;

    public FaultableDirectory(Directory real) {
        this.real = real;
    }

    public void down(boolean down) {
        this.down = down;
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
        up().resetPassword(user, newPassword);
    }

    @Override
    public void unlock(DirectoryUser user) {
        up().unlock(user);
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
