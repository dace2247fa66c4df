package org.opensspr.reset;

import java.util.List;
import org.opensspr.throttle.Throttle;
import org.springframework.stereotype.Component;

/**
 * A login's blocks from self-service password reset as the helpdesk sees and lifts them: the block
 * everywhere (key: the login) and the blocks from single sources ({@link ResetThrottling}'s keys of
 * the login at a network or device). Lifting also forgets the counts that led to them, so the next
 * wrong code does not block again at once. Records nothing: the caller audits.
 */
@Component
public class ResetBlocks {

    private final Throttle throttle;

    ResetBlocks(Throttle throttle) {
        this.throttle = throttle;
    }

    /** The login's blocks in force, longest first; a key other than the login is a block from one source. */
    public List<Throttle.Block> of(String login) {
        return throttle.blocks(login, ResetThrottling.scopePrefix(login));
    }

    /** Lifts every block of the login and forgets its counted failures and codes; returns how many blocks went. */
    public int lift(String login) {
        return throttle.lift(login, ResetThrottling.scopePrefix(login));
    }
}
