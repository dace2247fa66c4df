package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensspr.system.Languages;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounded work and bounded waits at the front door: at most {@code max-active-requests} requests
 * are served at once; the next {@code max-queued-requests} wait, in arrival order, up to
 * {@code queue-timeout} for a turn; anyone beyond that, or who waited too long, gets
 * {@code 503 server-busy} with {@code Retry-After: 1} at once. It runs before authentication
 * (which binds to the directory), so a flood costs the node almost nothing. Health and probes
 * ({@code /actuator}), static files and the error page are never held back: a balancer must see
 * a busy node as alive. Refusals are counted and logged at most once a minute.
 */
final class AdmissionControl extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionControl.class);

    private final Semaphore active;
    private final int maxQueued;
    private final long queueNanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger refusedSinceLog = new AtomicInteger();
    private volatile long lastLog;

    /** The {@code server-busy} document in each language, made once: a refusal costs no rendering. */
    private final Map<Locale, String> busy = new HashMap<>();

    AdmissionControl(CapacityProperties capacity, ProblemResponses problems) {
        for (Locale language : Languages.SUPPORTED) {
            busy.put(language, problems.json(problems.render(Problems.of(ProblemCode.SERVER_OVERLOADED), language)));
        }
        this.active = new Semaphore(capacity.maxActiveRequests(), true);
        this.maxQueued = capacity.maxQueuedRequests();
        this.queueNanos = capacity.queueTimeout().toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.equals("/error")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admit()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            active.release();
        }
    }

    private boolean admit() {
        if (active.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return active.tryAcquire(queueNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastLog > TimeUnit.MINUTES.toNanos(1)) {
            lastLog = now;
            log.warn(
                    "Busy: answered {} requests with 503 since the last report ({} waiting for a turn)",
                    refusedSinceLog.getAndSet(0),
                    waiting.get());
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write(busy.get(Languages.supported(Collections.list(request.getLocales()))));
        } else {
            response.setContentType("text/html");
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Busy</title></head>
                    <body><h1>The server is busy</h1><p>Nothing was changed. Please try again in a moment.</p>
                    <p lang="nl">De server is bezig. Er is niets gewijzigd; probeer het zo opnieuw.</p></body></html>
                    """);
        }
    }

    /** Whether the queue is full: the next request that finds no free slot is refused at once. */
    boolean isQueueFull() {
        return waiting.get() >= maxQueued;
    }
}
