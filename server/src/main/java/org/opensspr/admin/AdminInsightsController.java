package org.opensspr.admin;

import org.opensspr.insights.Insights;
import org.opensspr.insights.InsightsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/insights?from=&to=}: registration coverage and reset activity ({@link
 * InsightsService}). {@code from} and {@code to} are ISO instants or UTC dates (a date as {@code to}
 * includes that day); the default is the last 30 days, the longest range 366 days; anything else
 * is {@code 400 invalid-request} ({@code insights-range}).
 */
@RestController
class AdminInsightsController {

    private final InsightsService insights;

    AdminInsightsController(InsightsService insights) {
        this.insights = insights;
    }

    @GetMapping("/api/v1/admin/insights")
    Insights insights(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return insights.insights(insights.range(from, to));
    }
}
