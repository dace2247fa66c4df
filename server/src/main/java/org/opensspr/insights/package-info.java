/**
 * Usage and insights for admins, as Entra SSPR's "Usage & insights": registration coverage, resets,
 * unlocks, verifications and registrations per day, failures by reason and the most blocked users,
 * counted by SQL aggregations over a bounded range ({@code InsightsService}), and server-rendered
 * SVG charts of them ({@code SvgCharts}, pure Java, no script). Owns no table: it reads
 * {@code audit_record}, {@code registered_method} and {@code contact_info} with {@code GROUP BY}
 * queries only, never row by row. Calls {@code policy}, {@code audit} (activity names) and {@code system}.
 */
package org.opensspr.insights;
