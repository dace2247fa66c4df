package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** The front door: a bounded number at work, a bounded queue with a bounded wait, then a fast 503. */
class AdmissionControlTests {

    private static final ProblemResponses PROBLEMS = new ProblemResponses(
            JsonMapper.builder().build(), Bundles.messages(), new FixedLocaleResolver(Locale.ENGLISH));

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    /** A chain that holds its request until {@link #release}. */
    private FilterChain holding() {
        return (request, response) -> {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
        };
    }

    private static MockHttpServletResponse call(AdmissionControl filter, String path, FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void beyondTheActiveAndQueuedRequestsTheAnswerIsAnImmediate503WithRetryAfter() throws Exception {
        AdmissionControl filter =
                new AdmissionControl(new CapacityProperties(1, 1, Duration.ofSeconds(10), null), PROBLEMS);
        Future<MockHttpServletResponse> first = threads.submit(() -> call(filter, "/api/v1/reset/flows", holding()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<MockHttpServletResponse> queued =
                threads.submit(() -> call(filter, "/api/v1/reset/flows", (request, response) -> {}));
        awaitQueued(filter);

        long started = System.nanoTime();
        MockHttpServletResponse refused = call(filter, "/api/v1/reset/flows", (request, response) -> {});
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("server-busy");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(queued.get(10, TimeUnit.SECONDS).getStatus())
                .as("the queued request was served once the first finished")
                .isEqualTo(200);
    }

    @Test
    void aQueuedRequestThatWaitsTooLongIsRefused() throws Exception {
        AdmissionControl filter =
                new AdmissionControl(new CapacityProperties(1, 5, Duration.ofMillis(50), null), PROBLEMS);
        threads.submit(() -> call(filter, "/reset", holding()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse refused = call(filter, "/reset", (request, response) -> {});
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("busy").contains("bezig");
    }

    @Test
    void aRefusalSpeaksTheClientsLanguage() throws Exception {
        AdmissionControl filter = new AdmissionControl(new CapacityProperties(1, 0, Duration.ZERO, null), PROBLEMS);
        threads.submit(() -> call(filter, "/api/v1/reset/flows", holding()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletRequest dutch = new MockHttpServletRequest("POST", "/api/v1/reset/flows");
        dutch.addHeader("Accept-Language", "nl-NL, en;q=0.5");
        dutch.addPreferredLocale(Locale.ENGLISH);
        dutch.addPreferredLocale(Locale.forLanguageTag("nl-NL"));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(dutch, refused, (request, response) -> {});
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("/problems/server-busy")
                .contains("\"title\":\"Server bezet\"")
                .contains("De server is druk. Er is niets gewijzigd");
        assertThat(call(filter, "/api/v1/reset/flows", (request, response) -> {})
                        .getContentAsString())
                .contains("The server is busy. Nothing was changed; please try again in a moment.");
    }

    @Test
    void healthAndStaticFilesAreNeverHeldBack() throws Exception {
        AdmissionControl filter = new AdmissionControl(new CapacityProperties(1, 0, Duration.ZERO, null), PROBLEMS);
        threads.submit(() -> call(filter, "/api/v1/reset/flows", holding()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (String path : new String[] {"/actuator/health/readiness", "/css/portal.css", "/js/pow.js"}) {
            MockHttpServletResponse response =
                    call(filter, path, (request, r) -> ((MockHttpServletResponse) r).setStatus(200));
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
        assertThat(call(filter, "/api/v1/me/methods", (request, response) -> {}).getStatus())
                .isEqualTo(503);
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new CapacityProperties(0, null, null, null))
                .hasMessageContaining("sspr.capacity.max-active-requests");
        assertThatThrownBy(() -> new CapacityProperties(null, -1, null, null))
                .hasMessageContaining("sspr.capacity.max-queued-requests");
        assertThatThrownBy(() -> new CapacityProperties(null, null, null, DataSize.ofBytes(512)))
                .hasMessageContaining("sspr.capacity.max-request-size");
        assertThat(new CapacityProperties(null, null, null, null))
                .isEqualTo(new CapacityProperties(32, 64, Duration.ofSeconds(1), DataSize.ofMegabytes(1)));
    }

    /** Waits until a request is queued: the next one finds no room. */
    private static void awaitQueued(AdmissionControl filter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!filter.isQueueFull()) {
            assertThat(System.nanoTime()).as("a request queued within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
