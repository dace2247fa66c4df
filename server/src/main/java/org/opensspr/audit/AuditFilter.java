package org.opensspr.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit events to read, shared by the admin API's pages and CSV export and the console's audit
 * browser. Every field is optional (null matches every event) and the fields combine with AND:
 * {@code from} inclusive, {@code to} exclusive, {@code target} (the user an event concerns) and
 * {@code actor} case-insensitively, the others exactly. A blank text is no filter. A period that
 * ends before it starts is refused ({@link IllegalArgumentException}), so a wrong query never looks
 * like an empty log.
 */
public record AuditFilter(
        Instant from,
        Instant to,
        String target,
        String actor,
        String activity,
        ClientType clientType,
        String ip,
        AuditResult result) {

    /** Every event. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null, null);

    public AuditFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        target = blankToNull(target);
        actor = blankToNull(actor);
        activity = blankToNull(activity);
        ip = blankToNull(ip);
    }

    /**
     * The filters that are set, by their query parameter names ({@code from}, {@code to},
     * {@code target}, {@code actor}, {@code activity}, {@code clientType}, {@code ip}, {@code result}),
     * always in this order: what a link to the next page carries, and what a cursor is bound to.
     */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "target", target);
        put(parameters, "actor", actor);
        put(parameters, "activity", activity);
        put(parameters, "clientType", clientType == null ? null : clientType.name());
        put(parameters, "ip", ip);
        put(parameters, "result", result == null ? null : result.name());
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
