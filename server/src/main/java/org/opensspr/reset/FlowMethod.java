package org.opensspr.reset;

import org.opensspr.policy.MethodType;

/**
 * A method as a flow offers it. {@code address} is where the code goes; null in a decoy flow,
 * which shows a made-up {@code hint} of the same shape and sends nothing. {@code language} is the
 * language tag of what is sent there, read from the account's {@code preferredLanguage} when the
 * flow started ({@code Languages.preferred}); null when the account names none we speak (then the
 * request's language is used), in a decoy, and in flows stored before it existed.
 */
record FlowMethod(String id, MethodType type, String hint, String address, String language) {

    /** A method without a language of its own. */
    FlowMethod(String id, MethodType type, String hint, String address) {
        this(id, type, hint, address, null);
    }
}
