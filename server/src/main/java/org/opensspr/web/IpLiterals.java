package org.opensspr.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: forwarded headers are attacker-controlled
 * text, and {@link InetAddress#getByName} would resolve a host name. IPv4 is dotted-quad only;
 * IPv6 is hex groups and colons (an IPv4 tail allowed), without a zone.
 */
final class IpLiterals {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {}

    /** The address {@code text} spells, or empty when it is no IPv4 or IPv6 literal. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            // A literal: the JDK parses it and asks no name service.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * One hop of {@code X-Forwarded-For} as proxies write it: an address, or an address with a port
     * ({@code 192.0.2.7:4711}, {@code [2001:db8::7]:4711}); empty for anything else (such as
     * {@code unknown}).
     */
    static Optional<InetAddress> hop(String text) {
        String hop = text.strip();
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? Optional.empty() : parse(hop.substring(1, end));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            hop = hop.substring(0, colon);
        }
        return parse(hop);
    }
}
