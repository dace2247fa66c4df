package org.opensspr.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opensspr.audit.AuditCsv;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditFilter;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditPage;
import org.opensspr.audit.AuditQuery;
import org.opensspr.audit.ChainVerification;
import org.opensspr.audit.InvalidAuditCursor;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit}: the audit log a page at a time, newest first, paged by an opaque
 * cursor ({@code next}, also as a {@code Link: <...>; rel="next"} header carrying the same filters);
 * {@code GET /api/v1/admin/audit.csv}: every matching event, streamed; {@code GET
 * /api/v1/admin/audit/verify}: whether every event still verifies. The filters ({@link
 * AuditParameters}) are the same for pages and export.
 */
@Tag(
        name = "Admin: audit",
        description =
                "The audit log: every event with actor, target, IP address and ClientType, searchable and exported; and whether the chain still verifies.")
@RestController
class AdminAuditController {

    private final AuditLog audit;

    AdminAuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(
            summary = "Search the audit log",
            description =
                    "Events newest first, filtered by from (inclusive), to (exclusive), target, actor, activity, clientType, ip and result (all optional, combined with AND), limit 1-1000 (default 100) a page. `next` is the cursor of the next page (null on the last), also sent as a relative `Link: <...>; rel=\"next\"`. A malformed, edited or foreign cursor is `400 cursor-invalid`.")
    @GetMapping("/api/v1/admin/audit")
    ResponseEntity<EventPage> json(@ParameterObject AuditParameters parameters, HttpServletRequest request) {
        AuditQuery query = parameters.query();
        AuditPage page;
        try {
            page = audit.search(query);
        } catch (InvalidAuditCursor e) {
            throw new InvalidInput(ProblemCode.AUDIT_CURSOR_INVALID);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            ok.header(
                    HttpHeaders.LINK, "<" + nextLink(request.getRequestURI(), query, page.next()) + ">; rel=\"next\"");
        }
        return ok.body(new EventPage(page.events(), page.next()));
    }

    /**
     * Every event the filters match, newest first, without a row limit: written to the response as
     * the database cursor yields them (UTF-8, RFC 4180, a header row), never held whole in memory. It
     * is written on the request's own thread rather than as an asynchronous body, so no async timeout
     * cuts a long export short and the read-only transaction lives exactly as long as the response.
     * A filter is checked before the first byte (a wrong one is a {@code 400} problem); a database
     * failure after the first byte can only cut the download short.
     */
    @Operation(
            summary = "Export the audit log as CSV",
            description =
                    "Every event the filters match, no row limit, streamed from a database cursor (UTF-8, RFC 4180, a header row, formula-like cells defused), newest first.")
    @GetMapping(value = "/api/v1/admin/audit.csv", produces = "text/csv")
    void csv(@ParameterObject AuditParameters parameters, HttpServletResponse response) throws IOException {
        AuditFilter filter = parameters.filter();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        AuditCsv.write(audit, filter, response.getOutputStream());
    }

    /**
     * Checks every event's MAC, the chain and this node's anchors (a full read of the log, the same
     * check as {@code sspr-server audit verify} and the periodic one): {@code intact}, how many events
     * were checked, sealed and not yet sealed, how many anchors, the first that does not verify, and
     * a warning when the answer covers less than it should (no anchor yet).
     */
    @Operation(
            summary = "Verify the audit log",
            description =
                    "Checks every event's MAC, the hash chain and this node's anchors: intact, counts, the first event that does not verify, and a warning when no anchor exists yet.")
    @GetMapping("/api/v1/admin/audit/verify")
    Verification verify() {
        ChainVerification v = audit.verify();
        return new Verification(
                v.intact(),
                v.checked(),
                v.sealed(),
                v.unsealed(),
                v.anchors(),
                v.firstBrokenId(),
                v.problem(),
                v.warning());
    }

    /** The same path with the same filters, the same limit and the next cursor, form-encoded. */
    static String nextLink(String path, AuditQuery query, String cursor) {
        Map<String, String> parameters = new LinkedHashMap<>(query.filter().parameters());
        parameters.put("limit", Integer.toString(query.limit()));
        parameters.put("cursor", cursor);
        return path + "?"
                + parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** A page of events; {@code next} is null (and present) on the last page. */
    record EventPage(
            List<AuditEvent> events,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}

    /** The answer of {@code /audit/verify}; {@code firstBrokenId}, {@code problem} and {@code warning} may be null. */
    record Verification(
            boolean intact,
            long checked,
            long sealed,
            long unsealed,
            long anchors,
            Long firstBrokenId,
            String problem,
            String warning) {}
}
