package org.opensspr.enrollment;

/** Masks addresses the way Azure's reset page does: the first letters and the end, never the whole. */
public final class Hints {

    private Hints() {}

    /** {@code alice@example.org} -> {@code a****@e******.org}. */
    public static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "*****";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String domainName = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return address.charAt(0) + "*****@" + domainName.charAt(0) + "*****" + tld;
    }

    /** {@code +31612345678} -> {@code +*********78}. */
    public static String phone(String number) {
        if (number.length() < 4) {
            return "*****";
        }
        return "+" + "*".repeat(number.length() - 3) + number.substring(number.length() - 2);
    }
}
