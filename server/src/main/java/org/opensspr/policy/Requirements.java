package org.opensspr.policy;

import java.util.List;

/**
 * What one user must pass to reset: how many methods, from which. Derived from the policy and
 * the user's groups; admins get stricter rules than the policy says.
 */
public record Requirements(int required, List<MethodType> allowed) {

    public Requirements {
        allowed = List.copyOf(allowed);
    }

    public boolean allows(MethodType type) {
        return allowed.contains(type);
    }
}
