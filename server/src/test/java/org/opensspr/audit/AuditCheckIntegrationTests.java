package org.opensspr.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opensspr.PrometheusText;
import org.opensspr.ServerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The periodic audit check in the running server: its result is the {@code audit} health
 * component (DOWN when the log does not verify, outside readiness), and the admin endpoint checks
 * the same anchors. The check is driven directly rather than waited for.
 */
class AuditCheckIntegrationTests extends ServerIntegrationTest {

    @Autowired
    private PeriodicAuditCheck check;

    @Autowired
    private JdbcAuditLog log;

    @Autowired
    private AuditSealer sealer;

    private double verifiedGauge() {
        return new PrometheusText(admin.get("/actuator/prometheus").body()).value("sspr_audit_verified");
    }

    private JsonNode audit(JsonNode health) {
        return health.get("components").get("audit");
    }

    @Test
    void theHealthComponentTurnsDownWhenTheLogDoesNotVerifyAndStaysOutOfReadiness() {
        assertThat(admin.put("/api/v1/admin/policy", Map.of("allowUnlock", true))
                        .status())
                .isEqualTo(200);
        log.sealPending();
        sealer.anchor();
        assertThat(check.check().verification().intact()).isTrue();
        JsonNode up = admin.get("/actuator/health").json();
        assertThat(audit(up).get("status").asString()).as(up.toString()).isEqualTo("UP");
        assertThat(audit(up).get("details").get("anchors").asLong()).isPositive();
        assertThat(verifiedGauge())
                .as("sspr_audit_verified after an intact check")
                .isEqualTo(1.0);

        long id = jdbc.sql("SELECT MAX(id) FROM audit_record WHERE activity = 'Update SSPR policy'")
                .query(Long.class)
                .single();
        String actor = jdbc.sql("SELECT actor FROM audit_record WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE audit_record SET actor = 'someone-else' WHERE id = :id")
                .param("id", id)
                .update();
        try {
            assertThat(check.check().verification().intact()).isFalse();
            JsonNode down = admin.get("/actuator/health").json();
            assertThat(audit(down).get("status").asString()).isEqualTo("DOWN");
            assertThat(audit(down).get("details").get("firstBrokenId").asLong()).isEqualTo(id);
            assertThat(audit(down).get("details").get("checkedAt").asString()).isNotBlank();
            assertThat(verifiedGauge())
                    .as("sspr_audit_verified after a broken check")
                    .isEqualTo(0.0);
            assertThat(audit(http.get("/actuator/health").json()).has("details"))
                    .as("details are for admins")
                    .isFalse();
            assertThat(http.get("/actuator/health/readiness").status())
                    .as("a broken log does not take the node out of the balancer")
                    .isEqualTo(200);
        } finally {
            jdbc.sql("UPDATE audit_record SET actor = :actor WHERE id = :id")
                    .param("actor", actor)
                    .param("id", id)
                    .update();
        }
        assertThat(check.check().verification().intact()).isTrue();
        assertThat(audit(admin.get("/actuator/health").json()).get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void theAdminEndpointChecksTheAnchorsToo() throws Exception {
        assertThat(admin.put("/api/v1/admin/policy", Map.of("allowUnlock", true))
                        .status())
                .isEqualTo(200);
        log.sealPending();
        sealer.anchor();
        Path file = log.anchors().file();
        JsonNode intact = admin.get("/api/v1/admin/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("anchors").asLong()).isPositive();

        Files.writeString(
                file,
                "2026-12-02T00:00:00Z 999999 " + "ab".repeat(32) + " " + "cd".repeat(32) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try {
            JsonNode forged = admin.get("/api/v1/admin/audit/verify").json();
            assertThat(forged.get("intact").asBoolean()).isFalse();
            assertThat(forged.get("problem").asString())
                    .contains("of the anchor file")
                    .contains("does not verify");
        } finally {
            // Without the forged line, whatever the sealer appended meanwhile.
            String now = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(
                    file,
                    now.lines()
                            .filter(line -> !line.contains(" 999999 "))
                            .map(line -> line + "\n")
                            .collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
        }
        assertThat(admin.get("/api/v1/admin/audit/verify").json().get("intact").asBoolean())
                .isTrue();
    }
}
