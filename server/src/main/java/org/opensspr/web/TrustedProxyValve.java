package org.opensspr.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Makes a request that came through a trusted proxy look like the client's own, before anything
 * else sees it: {@code getRemoteAddr()} (audit events, per-IP limits, logs) becomes the client's
 * address, and {@code isSecure()} (the session cookie's {@code Secure}) follows {@code
 * X-Forwarded-Proto}. A request from any other peer passes untouched. A Tomcat valve rather than a
 * servlet filter, so that Tomcat's own session cookie sees it too. Replaces Tomcat's {@code
 * RemoteIpValve} ({@code server.forward-headers-strategy}), which trusts every private address.
 */
final class TrustedProxyValve extends ValveBase {

    private final TrustedProxies trusted;

    TrustedProxyValve(TrustedProxies trusted) {
        super(true);
        this.trusted = trusted;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        if (!trusted.trusts(peer)) {
            getNext().invoke(request, response);
            return;
        }
        ForwardedClient client = ForwardedClient.of(
                peer,
                ForwardedClient.list(request.getHeaders(ForwardedClient.FOR)),
                ForwardedClient.list(request.getHeaders(ForwardedClient.PROTO)),
                trusted);
        String host = request.getRemoteHost();
        boolean secure = request.isSecure();
        String scheme = request.getCoyoteRequest().scheme().toString();
        int port = request.getServerPort();
        try {
            request.setRemoteAddr(client.ip());
            request.setRemoteHost(client.ip());
            if (client.secure() != null && client.secure() != secure) {
                request.setSecure(client.secure());
                request.getCoyoteRequest().scheme().setString(client.secure() ? "https" : "http");
                if (port == (secure ? 443 : 80)) {
                    request.setServerPort(client.secure() ? 443 : 80);
                }
            }
            getNext().invoke(request, response);
        } finally {
            request.setRemoteAddr(peer);
            request.setRemoteHost(host);
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(port);
        }
    }
}
