package org.opensspr.reset;

import org.opensspr.policy.MethodType;

/**
 * A method as a flow offers it. {@code address} is where the code goes; null in a decoy flow,
 * which shows a made-up {@code hint} of the same shape and sends nothing.
 */
record FlowMethod(String id, MethodType type, String hint, String address) {}
