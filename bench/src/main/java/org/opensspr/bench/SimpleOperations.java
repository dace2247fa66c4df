package org.opensspr.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The trivial-endpoint ceiling and the flood beyond capacity. */
final class SimpleOperations {

    static final List<String> CEILING_STEPS = List.of("liveness");

    private SimpleOperations() {}

    /** {@code GET /actuator/health/liveness}: no database, no directory; what HTTP alone costs. */
    static PhaseRunner.Operation liveness(Api api) {
        return (worker, stats) -> {
            long start = System.nanoTime();
            try {
                Api.expect(api.get("actuator/health/liveness", null), 200);
                long end = System.nanoTime();
                stats.step("liveness", end - start);
                stats.success(start, end);
            } catch (Failure e) {
                stats.error("liveness:" + e.kind());
            }
        };
    }

    /**
     * Flow starts with the API key, as fast as the virtual users can send them. Each answer's
     * latency is recorded under its outcome ({@code 201}, {@code 503}, {@code 500}, {@code timeout},
     * {@code connect-refused}, ...), so the report shows how fast refusals come; anything but 201
     * also counts as an error of that kind.
     */
    static PhaseRunner.Operation flood(Api api, String apiKey, int users) {
        String authorization = Api.bearer(apiKey);
        AtomicLong cursor = new AtomicLong();
        return (worker, stats) -> {
            String login = SeedLdif.login((int) (cursor.getAndIncrement() % users));
            long start = System.nanoTime();
            String outcome;
            try {
                int status = api.post("api/v1/reset/flows", Json.object("login", login), authorization)
                        .status();
                outcome = Integer.toString(status);
            } catch (Failure e) {
                outcome = e.kind();
            }
            long end = System.nanoTime();
            stats.step(outcome, end - start);
            if ("201".equals(outcome)) {
                stats.success(start, end);
            } else {
                stats.error(outcome.chars().allMatch(Character::isDigit) ? "http-" + outcome : outcome);
            }
        };
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
