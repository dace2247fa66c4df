package org.opensspr.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(
        name = "Admin: insights",
        description = "Registration coverage and reset activity: the numbers behind the console's insights charts.")
@RestController
class AdminInsightsController {

    private final InsightsService insights;

    AdminInsightsController(InsightsService insights) {
        this.insights = insights;
    }

    @Operation(
            summary = "Registration and reset insights",
            description =
                    "Registration coverage (users registered per method, users unable to reset), resets and unlocks over time by method and ClientType, failures by reason and the top blocked users, between `from` and `to`. The default is the last 30 days, the longest range 366 days.")
    @ApiResponse(responseCode = "200", description = "The insights for the range.")
    @ApiResponse(responseCode = "400", description = "A range that is not valid (`invalid-request`, `insights-range`).")
    @GetMapping("/api/v1/admin/insights")
    Insights insights(
            @Parameter(
                            description = "Start: an ISO instant or a UTC date; default 30 days before `to`.",
                            example = "2026-11-01")
                    @RequestParam(required = false)
                    String from,
            @Parameter(
                            description = "End: an ISO instant or a UTC date (a date includes that day); default now.",
                            example = "2026-11-30")
                    @RequestParam(required = false)
                    String to) {
        return insights.insights(insights.range(from, to));
    }
}
