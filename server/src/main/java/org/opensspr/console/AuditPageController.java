package org.opensspr.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.opensspr.audit.AuditCsv;
import org.opensspr.audit.AuditFilter;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditPage;
import org.opensspr.audit.AuditQuery;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.ClientType;
import org.opensspr.audit.InvalidAuditCursor;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /admin/audit}: the audit log with filters (days, user, actor, activity, ClientType, IP,
 * result), newest first, a page of {@link #PAGE_SIZE} at a time by cursor (never an offset: a page
 * stays right while events are written), and {@code /admin/audit.csv}: every matching event,
 * streamed as the database yields them ({@link AuditCsv}), however many there are.
 */
@Controller
class AuditPageController {

    private static final String PAGE = "/admin/audit";
    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final PageErrors errors;

    AuditPageController(AuditLog audit, PageErrors errors) {
        this.audit = audit;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(AuditForm form, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("clientTypes", ClientType.values());
        model.addAttribute("results", AuditResult.values());
        AuditFilter filter;
        try {
            filter = form.filter();
        } catch (IllegalArgumentException e) {
            model.addAttribute(
                    "error", ConsoleForms.console(errors.ofKey("console.audit.invalid", "from", PAGE, locale)));
            model.addAttribute("page", new AuditPage(java.util.List.of(), null));
            return "admin/audit";
        }
        AuditPage page;
        try {
            page = audit.search(new AuditQuery(filter, PAGE_SIZE, ConsoleForms.blankToNull(form.cursor())));
        } catch (InvalidAuditCursor e) {
            model.addAttribute("error", ConsoleForms.console(errors.ofKey("console.audit.cursor", null, PAGE, locale)));
            page = audit.search(AuditQuery.first(filter, PAGE_SIZE));
        }
        model.addAttribute("page", page);
        model.addAttribute("older", page.next() == null ? null : link(PAGE, page.next()));
        model.addAttribute("newest", form.cursor() == null || form.cursor().isBlank() ? null : link(PAGE, null));
        model.addAttribute("csv", link(PAGE + ".csv", null));
        return "admin/audit";
    }

    @GetMapping(PAGE + ".csv")
    void csv(AuditForm form, HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = form.filter();
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        AuditCsv.write(audit, filter, response.getOutputStream());
    }

    /** This request's filters on {@code path}, with {@code cursor} (null: the first page). */
    private static String link(String path, String cursor) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replacePath(path)
                .replaceQueryParam("cursor", cursor == null ? new Object[0] : new Object[] {cursor})
                .replaceQueryParam("lang")
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    /**
     * The filters as the form sends them: days ({@code from} and {@code to} inclusive, UTC), the
     * user an event concerns, the actor, the activity, ClientType, IP and result; and the page's cursor.
     */
    record AuditForm(
            String from,
            String to,
            String user,
            String actor,
            String activity,
            String clientType,
            String ip,
            String result,
            String cursor) {

        /** @throws IllegalArgumentException a day that is no date, a ClientType or result there is not, or from after to */
        AuditFilter filter() {
            return new AuditFilter(
                    day(from, false),
                    day(to, true),
                    user,
                    actor,
                    activity,
                    ConsoleForms.blankToNull(clientType) == null ? null : ClientType.valueOf(clientType.strip()),
                    ip,
                    ConsoleForms.blankToNull(result) == null ? null : AuditResult.valueOf(result.strip()));
        }

        private static Instant day(String value, boolean end) {
            if (ConsoleForms.blankToNull(value) == null) {
                return null;
            }
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date: " + value, e);
            }
        }
    }
}
