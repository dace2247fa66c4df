package org.opensspr.reset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opensspr.enrollment.Hints;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.secrets.Digests;

/**
 * The methods a decoy flow offers: every method a user may have under the policy, with hints of
 * the same shape as real ones and derived from the login (the same every time it is tried), so
 * that repeating a login does not tell a decoy from a real account.
 */
final class Decoys {

    private Decoys() {}

    static List<FlowMethod> methods(String login, SsprPolicy policy, String baseDn, Digests digests) {
        String seed = digests.hmac("decoy:" + login.toLowerCase(Locale.ROOT));
        List<FlowMethod> decoys = new ArrayList<>();
        for (MethodType type : policy.methods()) {
            if (type == MethodType.QUESTIONS && policy.methodsRequired() < 2) {
                continue;
            }
            String hint = switch (type) {
                case EMAIL ->
                    Hints.email((login.isEmpty() ? "a" : login.substring(0, 1).toLowerCase(Locale.ROOT)) + "@"
                            + domainOf(baseDn));
                case SMS -> Hints.phone("+3161234" + (Integer.parseInt(seed.substring(0, 4), 16) % 10000 + 10000));
                default -> "";
            };
            decoys.add(new FlowMethod(type.id(), type, hint, null));
        }
        return decoys;
    }

    /** {@code dc=example,dc=org} -> {@code example.org}. */
    static String domainOf(String baseDn) {
        StringBuilder domain = new StringBuilder();
        for (String part : baseDn.split(",")) {
            String rdn = part.strip();
            if (rdn.regionMatches(true, 0, "dc=", 0, 3)) {
                domain.append(domain.length() == 0 ? "" : ".").append(rdn.substring(3));
            }
        }
        return domain.length() == 0 ? "example.com" : domain.toString();
    }
}
