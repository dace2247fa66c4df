package org.opensspr.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The reverse proxies whose forwarded headers this server believes ({@code sspr.trusted-proxy}):
 * addresses and CIDR ranges, IPv4 and IPv6. A request from any other peer is taken at its TCP
 * address, whatever headers it sends. An entry that is not an address or range refuses the start
 * with a message naming it; host names are refused too, so nothing here ever waits for DNS.
 */
final class TrustedProxies {

    private final List<IpAddressMatcher> ranges;

    private TrustedProxies(List<IpAddressMatcher> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses the entries of {@code sspr.trusted-proxy}.
     *
     * @throws IllegalArgumentException naming the first entry that is neither an IP address nor a CIDR range
     */
    static TrustedProxies of(List<String> entries) {
        List<IpAddressMatcher> ranges = new ArrayList<>();
        for (String raw : entries == null ? List.<String>of() : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            ranges.add(range(entry)
                    .orElseThrow(() -> new IllegalArgumentException("sspr.trusted-proxy: '" + entry
                            + "' is neither an IPv4/IPv6 address nor a CIDR range (such as 10.0.0.5, 10.0.0.0/24 or"
                            + " 2001:db8::/64); host names are not accepted")));
        }
        return new TrustedProxies(ranges);
    }

    private static Optional<IpAddressMatcher> range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        Optional<InetAddress> parsed = IpLiterals.parse(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        if (slash >= 0) {
            String bits = entry.substring(slash + 1);
            int max = parsed.get() instanceof Inet4Address ? 32 : 128;
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpAddressMatcher(entry));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal, as Tomcat gives the peer) is a trusted proxy. */
    boolean trusts(String address) {
        if (ranges.isEmpty() || IpLiterals.parse(address).isEmpty()) {
            return false;
        }
        return ranges.stream().anyMatch(range -> range.matches(address));
    }
}
