package org.opensspr.web;

import java.util.Optional;

/**
 * A page a user must see right after signing in at {@code /login}, before the page they were going
 * to: the registration interrupt ("Keep your account secure", "Is your security info still
 * current?"). The portal's success handler asks every implementation and sends the user to the
 * first page named; {@link PendingInterrupts} keeps them there until the feature that owns the
 * page says it is done. An interface because the owner ({@code enrollment}) depends on
 * {@code web}, so {@code web} cannot call it directly.
 */
public interface SignInInterrupt {

    /**
     * The page (a path of the portal, such as {@code /register/interrupt}) the user who just signed
     * in as {@code login} must see first, or empty when there is nothing to ask. A failure (the
     * directory or the database is down) propagates and is answered like any failed sign-in step.
     */
    Optional<String> pageFor(String login);
}
