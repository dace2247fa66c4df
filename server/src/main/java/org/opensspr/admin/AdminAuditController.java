package org.opensspr.admin;

import java.time.Instant;
import java.util.List;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditQuery;
import org.opensspr.audit.ChainVerification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/audit} (JSON) and {@code /api/v1/admin/audit.csv}: the audit log,
 * newest first; {@code GET /api/v1/admin/audit/verify}: whether every event still verifies.
 */
@RestController
class AdminAuditController {

    private final AuditLog audit;

    AdminAuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit")
    AuditPage json(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer limit) {
        return new AuditPage(audit.search(new AuditQuery(target, activity, from, to, limit)));
    }

    @GetMapping(value = "/api/v1/admin/audit.csv", produces = "text/csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer limit) {
        StringBuilder csv = new StringBuilder("time,activity,result,actor,target,ip,clientType,details\r\n");
        for (AuditEvent e : audit.search(new AuditQuery(target, activity, from, to, limit))) {
            csv.append(String.join(
                            ",",
                            cell(e.time().toString()),
                            cell(e.activity()),
                            cell(e.result().name()),
                            cell(e.actor()),
                            cell(e.target()),
                            cell(e.ip()),
                            cell(e.clientType().name()),
                            cell(e.details())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .body(csv.toString());
    }

    /**
     * Checks every event's MAC, the chain and this node's anchors (a full read of the log, the same
     * check as {@code sspr-server audit verify} and the periodic one): {@code intact}, how many events
     * were checked, sealed and not yet sealed, how many anchors, the first that does not verify, and
     * a warning when the answer covers less than it should (no anchor yet).
     */
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

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    record AuditPage(List<AuditEvent> events) {}

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
