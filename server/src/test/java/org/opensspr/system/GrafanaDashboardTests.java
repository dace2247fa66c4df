package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/grafana-dashboard.json stays importable and in step with docs/operations.md: its data source
 * is a variable, and every {@code sspr_} meter a panel queries is one the Metrics section documents.
 */
class GrafanaDashboardTests {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern METER = Pattern.compile("sspr_[a-z_]+");

    @Test
    void theDataSourceIsAVariableAndEveryPanelUsesIt() throws IOException {
        JsonNode dashboard =
                JsonMapper.builder().build().readTree(Files.readString(DOCS.resolve("grafana-dashboard.json")));
        JsonNode variable = dashboard.get("templating").get("list").get(0);
        assertThat(variable.get("name").asString()).isEqualTo("datasource");
        assertThat(variable.get("type").asString()).isEqualTo("datasource");
        for (JsonNode panel : dashboard.get("panels")) {
            if (!panel.get("type").asString().equals("row")) {
                assertThat(panel.get("datasource").get("uid").asString())
                        .as(panel.get("title").asString())
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void everyMeterTheDashboardQueriesIsDocumented() throws IOException {
        String operations = Files.readString(DOCS.resolve("operations.md"));
        String metrics = operations.substring(operations.indexOf("## Metrics"));
        Set<String> documented = meters(metrics);
        Set<String> queried = meters(Files.readString(DOCS.resolve("grafana-dashboard.json")));
        assertThat(queried).isNotEmpty();
        for (String meter : queried) {
            String base = meter.replaceAll("_(count|sum|max)$", "");
            assertThat(documented.contains(meter) || documented.contains(base) || abbreviated(metrics, base))
                    .as(meter + " is documented in docs/operations.md, Metrics")
                    .isTrue();
        }
    }

    /** {@code sspr_outbox_due_messages} is documented as {@code _due_messages} after its first sibling. */
    private static boolean abbreviated(String metrics, String meter) {
        return meter.startsWith("sspr_outbox_")
                && metrics.contains("`_" + meter.substring("sspr_outbox_".length()) + "`");
    }

    private static Set<String> meters(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = METER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
