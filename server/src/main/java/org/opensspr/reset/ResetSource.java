package org.opensspr.reset;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where a reset flow comes from, as its throttling counts it: the device of a sign-in-screen flow
 * (its device credential authenticated the logon session), or else the network of the address
 * that started the flow: the IPv4 /24 or the IPv6 /64, so that an attacker cannot make himself new
 * sources by stepping through the addresses of his own network. Failures are counted and the 24
 * h block applies per login and source (see {@link ResetThrottling}).
 *
 * @param key {@code device:<id>} or {@code net:<network>/<bits>}
 * @param device whether the source is a joined device's sign-in screen
 */
record ResetSource(String key, boolean device) {

    static ResetSource device(String deviceId) {
        return new ResetSource("device:" + deviceId, true);
    }

    /** The network of {@code ip} (an address literal, as the servlet container gives it). */
    static ResetSource network(String ip) {
        return new ResetSource("net:" + networkOf(ip == null ? "" : ip.strip()), false);
    }

    private static String networkOf(String ip) {
        if (!ip.matches("[0-9A-Fa-f:.]{2,45}")) {
            // Not an address literal (never seen from Tomcat): the text itself, so it is still one source.
            return ip.length() <= 64 ? ip : ip.substring(0, 64);
        }
        try {
            // A literal: parsed without asking DNS.
            InetAddress address = InetAddress.getByName(ip);
            byte[] bytes = address.getAddress();
            int keep = address instanceof Inet4Address ? 3 : 8;
            Arrays.fill(bytes, keep, bytes.length, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + (keep * 8);
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
