package org.opensspr.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation's directory, as OpenSSPR uses it: find users, check their passwords and
 * groups, write a new password. OpenSSPR never stores user passwords; it writes them here.
 *
 * <p>Every method throws {@link DirectoryUnavailableException} when the directory cannot be
 * reached in time, so that callers answer 503 and change nothing of their own state.
 */
public interface Directory {

    /** The user whose login attribute equals {@code login}, or empty when there is none (or several). */
    Optional<DirectoryUser> findUser(String login);

    /**
     * The user, if {@code password} is theirs. Empty for an unknown login, a wrong or empty password
     * (an empty password would be an anonymous bind, which proves nothing).
     */
    Optional<DirectoryUser> authenticate(String login, String password);

    /** Names ({@code cn}) of the groups the user is a member of. */
    Set<String> groupsOf(DirectoryUser user);

    /** The users who are direct members of the group named {@code group} ({@code cn}); empty for an unknown group. */
    List<DirectoryUser> membersOf(String group);

    /**
     * Sets the user's password as an administrator would (no old password), so the directory
     * hashes it and applies its own policy.
     *
     * @throws DirectoryRejectedPasswordException when the directory refuses the password
     */
    void resetPassword(DirectoryUser user, String newPassword);

    /**
     * Unlocks a locked-out account (OpenLDAP ppolicy: removes {@code pwdAccountLockedTime}). An
     * account that is not locked, or a directory without lockout, is left as it is.
     */
    void unlock(DirectoryUser user);

    /**
     * When the directory last changed the user's password, as far as it records it (see
     * {@code Flavor.passwordChangedAt}); empty when it does not say.
     *
     * @throws DirectoryUnavailableException when the directory cannot be reached
     */
    java.util.Optional<java.time.Instant> passwordChangedAt(DirectoryUser user);

    /** Whether the directory answers now; for the health endpoint. */
    boolean isAvailable();

    /** The directory's base DN, for example {@code dc=example,dc=org}. */
    String baseDn();
}
