package org.opensspr.web;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The client behind a trusted proxy, from {@code X-Forwarded-For} and {@code X-Forwarded-Proto}.
 * The headers count only when the TCP peer is a trusted proxy; then the client is the right-most
 * hop of {@code X-Forwarded-For} that is not itself a trusted proxy (hops to its left were written
 * by whoever sent the request, and anyone can write anything there). A hop that is not an IP
 * address (such as {@code unknown}) ends the walk: the client is then the last trusted hop.
 * RFC 7239 {@code Forwarded} is not read.
 *
 * @param ip the client's address
 * @param secure whether the client reached the proxy over https; null when the request does not say
 */
record ForwardedClient(String ip, Boolean secure) {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";

    /**
     * Who sent a request that reached us from {@code peer}.
     *
     * @param forwardedFor every {@code X-Forwarded-For} header, in order (an empty list when there is none)
     * @param proto every {@code X-Forwarded-Proto} header, in order
     */
    static ForwardedClient of(String peer, List<String> forwardedFor, List<String> proto, TrustedProxies trusted) {
        if (!trusted.trusts(peer)) {
            return new ForwardedClient(peer, null);
        }
        List<String> hops = values(forwardedFor);
        String client = peer;
        int clientHop = hops.size();
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = IpLiterals.hop(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            clientHop = i;
            if (!trusted.trusts(client)) {
                break;
            }
        }
        int hopsBehindClient = Math.max(1, hops.size() - clientHop);
        return new ForwardedClient(client, secure(values(proto), hopsBehindClient));
    }

    /**
     * The scheme the client used towards the first proxy: proxies that append write one value per
     * hop, and the client's is as far from the right as the client is in {@code X-Forwarded-For};
     * a proxy that overwrites leaves one value, which is then the one.
     */
    private static Boolean secure(List<String> protos, int hopsBehindClient) {
        if (protos.isEmpty()) {
            return null;
        }
        String proto = protos.get(Math.max(0, protos.size() - hopsBehindClient)).toLowerCase(Locale.ROOT);
        return switch (proto) {
            case "https" -> Boolean.TRUE;
            case "http" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<String> values(List<String> headers) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            for (String value : header.split(",", -1)) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    static List<String> list(Enumeration<String> headers) {
        List<String> list = new ArrayList<>();
        while (headers != null && headers.hasMoreElements()) {
            list.add(headers.nextElement());
        }
        return list;
    }
}
