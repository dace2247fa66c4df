package org.opensspr.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.opensspr.audit.AuditFilter;
import org.opensspr.audit.AuditQuery;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/**
 * The audit browser's query parameters as sent, for the JSON pages, the CSV export and the console
 * alike. They stay text until {@link #filter()} and {@link #query()} read them, so a wrong value gets
 * its own {@code 400} problem ({@code TIME_INVALID}, {@code PERIOD_INVALID}, {@code
 * CLIENT_TYPE_UNKNOWN}, {@code AUDIT_RESULT_UNKNOWN}, {@code LIMIT_INVALID}) in the caller's language
 * instead of a conversion error. {@code target} is the user an event concerns; {@code from} and
 * {@code to} are ISO 8601 instants ({@code to} exclusive); {@code limit} and {@code cursor} apply to
 * pages only.
 */
record AuditParameters(
        String from,
        String to,
        String target,
        String actor,
        String activity,
        String clientType,
        String ip,
        String result,
        String limit,
        String cursor) {

    AuditFilter filter() {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidInput(ProblemCode.PERIOD_INVALID);
        }
        return new AuditFilter(
                start,
                end,
                target,
                actor,
                activity,
                value(ClientType.class, clientType, ProblemCode.CLIENT_TYPE_UNKNOWN),
                ip,
                value(AuditResult.class, result, ProblemCode.AUDIT_RESULT_UNKNOWN));
    }

    AuditQuery query() {
        AuditFilter filter = filter();
        int size = AuditQuery.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = 0;
            }
        }
        if (size < AuditQuery.MIN_LIMIT || size > AuditQuery.MAX_LIMIT) {
            throw new InvalidInput(ProblemCode.LIMIT_INVALID, Integer.toString(AuditQuery.MAX_LIMIT));
        }
        return new AuditQuery(filter, size, cursor);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(ProblemCode.TIME_INVALID, name, value);
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value, ProblemCode unknown) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        throw new InvalidInput(
                unknown,
                value,
                String.join(
                        ", ",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }
}
