package org.opensspr.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.opensspr.insights.DailyCounts;
import org.opensspr.insights.Insights;
import org.opensspr.insights.InsightsRange;
import org.opensspr.insights.InsightsService;
import org.opensspr.insights.SvgCharts;
import org.opensspr.web.PageErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/insights}: Entra's "Usage &amp; insights" for this server. Registration coverage,
 * resets and unlocks per day by ClientType, verifications and registrations per day by method,
 * failures by reason and the most blocked logins, for a range of days. Each chart is SVG made on the
 * server ({@link SvgCharts}: no script, nothing fetched, the Content-Security-Policy unchanged) with
 * its numbers as a table next to it, for screen readers and for copying.
 */
@Controller
class InsightsPageController {

    private static final String PAGE = "/admin/insights";

    private final InsightsService insights;
    private final MessageSource messages;
    private final PageErrors errors;

    InsightsPageController(InsightsService insights, MessageSource messages, PageErrors errors) {
        this.insights = insights;
        this.messages = messages;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale) {
        InsightsRange range;
        try {
            range = insights.range(ConsoleForms.blankToNull(from), ConsoleForms.blankToNull(to));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", ConsoleForms.console(errors.of(e, "from", PAGE, locale)));
            range = insights.range(null, null);
        }
        Insights found = insights.insights(range);
        model.addAttribute("insights", found);
        model.addAttribute("from", from == null ? LocalDate.ofInstant(range.from(), ZoneOffset.UTC) : from);
        model.addAttribute(
                "to",
                to == null ? LocalDate.ofInstant(range.to(), ZoneOffset.UTC).minusDays(1) : to);
        Insights.Coverage coverage = found.coverage();
        model.addAttribute(
                "coverageChart",
                SvgCharts.barChart(
                        texts("coverage", locale),
                        coverage.usersByMethod().stream()
                                .map(m -> new SvgCharts.Bar(
                                        text("method." + m.method().id() + ".name", locale), m.users()))
                                .toList()));
        model.addAttribute(
                "daily",
                List.of(
                        daily("resets", found.resetsByClientType(), false, locale),
                        daily("unlocks", found.unlocksByClientType(), false, locale),
                        daily("verifications", found.verificationsByMethod(), true, locale),
                        daily("registrations", found.registrationsByMethod(), true, locale)));
        return "admin/insights";
    }

    /**
     * A stacked chart of daily counts and its table; series named by method id get the method's name
     * in the reader's language, ClientTypes keep their names (as in the audit log).
     */
    private Daily daily(String chart, DailyCounts counts, boolean methods, Locale locale) {
        UnaryOperator<String> name = methods ? id -> text("method." + id + ".name", locale) : id -> id;
        List<String> days = counts.days().stream().map(LocalDate::toString).toList();
        List<SvgCharts.Series> series = counts.series().stream()
                .map(s -> new SvgCharts.Series(name.apply(s.name()), s.counts()))
                .toList();
        return new Daily(
                text("console.insights." + chart, locale),
                SvgCharts.stackedBars(texts(chart, locale), days, series),
                DailyTable.of(counts, name));
    }

    /** One daily section of the page: its title, the chart (SVG) and the table. */
    record Daily(String title, String svg, DailyTable table) {}

    private SvgCharts.Texts texts(String chart, Locale locale) {
        return new SvgCharts.Texts(
                text("console.insights." + chart, locale),
                text("console.insights." + chart + ".description", locale),
                text("console.insights.noData", locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
