package org.opensspr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's scale-out proof: three server nodes (the packaged jar) on one PostgreSQL database,
 * Debian's OpenLDAP as the directory and HAProxy in front ({@link Cluster}), driven through the
 * balancer by the load driver's API reset flows ({@link ResetFlows}) at concurrency 16, while the
 * tests kill a node, stop the database and stop the directory. What a client saw is checked
 * against the directory itself (which password binds), the audit log (the admin API) and the SMTP
 * server (each mail once). Each test uses users of its own and starts on a whole cluster
 * ({@link Cluster#heal}), so the order does not matter. What was measured is printed.
 */
class ClusterIntegrationTests {

    private static final int CONCURRENCY = 16;
    private static final int USERS = 10_000;
    /** Users one load run may use; a run at this machine's rates resets fewer, so nobody is reset twice in a run. */
    private static final int USERS_PER_RUN = 600;
    /** An outage fails resets fast: a run with one goes through more users. */
    private static final int USERS_PER_OUTAGE_RUN = 2500;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    private static Cluster cluster;
    private static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        List<String> missing = new ArrayList<>();
        if (!Slapd.installed()) {
            missing.add("slapd");
        }
        if (!HaProxy.installed()) {
            missing.add("haproxy");
        }
        if (!Postgres.installed()) {
            missing.add("postgresql");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ClusterIntegrationTests need Debian's " + missing
                    + " (apt-get install -y --no-install-recommends " + String.join(" ", missing)
                    + "; .ci/run installs them)");
        }
        Path jar = Path.of(System.getProperty("opensspr.server.jar", "../server/target/sspr-server.jar"));
        // under target/: the nodes' logs stay for a look after a failure, and a clean removes them
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "cluster-");
        cluster = Cluster.start(
                dir,
                new Cluster.Settings(
                        jar,
                        Path.of(System.getProperty("java.home"), "bin", "java"),
                        List.of("-Xmx384m"),
                        // a reset cut off between the directory and the database is settled 15 s later, not 60 s
                        List.of("--sspr.reset.interrupted-after=15s", "--sspr.reset.sweep-millis=2000"),
                        USERS,
                        true,
                        REQUEST_TIMEOUT,
                        Duration.ofMinutes(4)),
                3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void wholeCluster() throws Exception {
        cluster.heal();
    }

    @Test
    void resetsThroughTheBalancerHaveNoErrorsAndAKilledNodeLosesOnlyItsRequestsInFlight() throws Exception {
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            servedBy.add(Api.expect(cluster.api().get("actuator/health/readiness", null), 200)
                    .header("X-Served-By"));
        }
        assertThat(servedBy).as("round robin over every node").containsExactlyInAnyOrder("node1", "node2", "node3");

        Instant auditFrom = Instant.now();
        LoadRun clean = load(Duration.ofSeconds(10), () -> {});
        clean.print("all nodes up");
        assertThat(clean.result.stats().errorCount()).as(clean.errors()).isZero();
        assertThat(clean.acknowledged()).isNotEmpty();

        int victim = 1;
        long[] marks = new long[2];
        LoadRun killed = load(Duration.ofSeconds(12), () -> {
            sleep(4_000);
            cluster.kill(victim);
            marks[0] = System.nanoTime();
            cluster.balancer().awaitState(victim, "DOWN", Duration.ofSeconds(30));
            marks[1] = System.nanoTime();
        });
        killed.print("node2 killed with kill -9");
        List<ResetFlows.Outcome> failed = killed.failed();
        System.out.printf(
                Locale.ROOT,
                "  HAProxy marked node2 down %.2f s after it was gone; %d resets failed: %s%n",
                (marks[1] - marks[0]) / 1e9,
                failed.size(),
                killed.errors());
        assertThat(failed.size())
                .as("at most one request in flight per virtual user")
                .isLessThanOrEqualTo(CONCURRENCY);
        assertThat(failed)
                .as("every request sent after HAProxy marked the node down succeeded")
                .allMatch(o -> o.failedStepSentNanos() < marks[1]);
        assertThat(failed)
                .as("only requests in flight when the node was gone failed")
                .allMatch(o ->
                        o.failedStepSentNanos() < marks[0] || o.failedStep().equals("mail-wait"));
        assertThat(killed.outcomes)
                .as("resets begun after the node was marked down completed")
                .anyMatch(o -> o.acknowledged() && o.endedNanos() > marks[1] + 2_000_000_000L);

        BindCheck binds = checkBinds(false, clean.outcomes, killed.outcomes);
        System.out.println("  passwords in the directory afterwards: " + binds.counts());
        Set<String> audited = awaitAudited(binds.changed(), auditFrom);
        int acknowledged = clean.acknowledged().size() + killed.acknowledged().size();
        System.out.printf(
                Locale.ROOT,
                "  %d acknowledged resets and %d cut off by the kill changed a password; each has its audit event (%d reset events)%n",
                acknowledged,
                binds.changed().size() - acknowledged,
                audited.size());
    }

    @Test
    void theFlowsAttemptLimitAndAzuresPerUserLimitsHoldAcrossNodesUnderLoad() throws Exception {
        int guessed = users(1);
        int codes = users(1);
        Map<String, Object> seen = new LinkedHashMap<>();
        LoadRun background = load(Duration.ofSeconds(10), () -> {
            seen.putAll(sixteenWrongCodesAtOnce(guessed));
            seen.putAll(tenCodesOverTwoFlows(codes));
        });
        background.print("limits checked meanwhile");
        System.out.println("  limits: " + seen);
        assertThat(background.result.stats().errorCount())
                .as(background.errors())
                .isZero();
        awaitOutboxEmpty();
        assertThat(cluster.mail().deliveries().stream()
                        .filter(d -> d.recipient().equals(SeedLdif.mail(codes))
                                && d.kind().equals("reset-code"))
                        .count())
                .as("ten code mails, no more")
                .isEqualTo(10);
    }

    /** 16 wrong codes for one flow at once, through the balancer: counted exactly to the limit of 5, then the flow and the login are blocked on every node. */
    private Map<String, Object> sixteenWrongCodesAtOnce(int user) throws Exception {
        Api api = cluster.api();
        String login = SeedLdif.login(user);
        String flow = startFlow(api, login);
        cluster.mail().forget(SeedLdif.mail(user));
        Api.expect(
                api.post(flow + "/challenges", Json.object("methodId", "email", "contact", SeedLdif.mail(user)), null),
                202);
        String code = cluster.mail().awaitCode(SeedLdif.mail(user), MAIL_TIMEOUT);
        String wrong = String.format(Locale.ROOT, "%08d", (Integer.parseInt(code) + 1) % 100_000_000);
        List<Api.Response> answers = parallel(
                CONCURRENCY,
                () -> api.post(flow + "/verifications", Json.object("methodId", "email", "code", wrong), null));
        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Api.Response::status, TreeMap::new, Collectors.counting()));
        Set<String> nodes = answers.stream().map(r -> r.header("X-Served-By")).collect(Collectors.toSet());
        assertThat(nodes).as("the guesses were spread over nodes").hasSizeGreaterThan(1);
        assertThat(statuses)
                .as("4 wrong codes answered 400, the 5th locks the flow (429), the other 11 find it locked (429)")
                .containsExactly(Map.entry(400, 4L), Map.entry(429, 12L));
        assertThat(api.post(flow + "/verifications", Json.object("methodId", "email", "code", code), null)
                        .status())
                .as("the right code on the locked flow")
                .isEqualTo(429);
        assertThat(audit(login, "Self-service password reset flow activity progress").stream()
                        .filter(e -> e.contains("incorrect email code"))
                        .count())
                .as("five wrong codes audited, no more")
                .isEqualTo(5);
        // Azure: 5 failed verifications of one method within an hour block the login (here: from this network)
        for (int node = 0; node < cluster.size(); node++) {
            Api.Response start = cluster.nodeApi(node)
                    .post("api/v1/reset/flows", Json.object("login", login), Api.bearer(cluster.apiKey()));
            assertThat(start.status()).as("a new flow on node " + (node + 1)).isEqualTo(429);
            assertThat(start.body()).contains("reset-blocked");
        }
        return Map.of("16 wrong codes at once (by status)", statuses, "served by", new TreeMap<>(toCounts(answers)));
    }

    /** Azure's 10 codes per login in 10 minutes, counted over two flows and every node: the 10th blocks the login. */
    private Map<String, Object> tenCodesOverTwoFlows(int user) throws Exception {
        Api api = cluster.api();
        String login = SeedLdif.login(user);
        String address = SeedLdif.mail(user);
        List<Api.Response> answers = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            String flow = startFlow(api, login);
            for (int i = 0; i < 5; i++) {
                answers.add(api.post(flow + "/challenges", Json.object("methodId", "email", "contact", address), null));
            }
        }
        assertThat(answers).as("ten codes sent").allMatch(r -> r.status() == 202);
        assertThat(answers.stream().map(r -> r.header("X-Served-By")).collect(Collectors.toSet()))
                .as("the codes were counted on more than one node")
                .hasSizeGreaterThan(1);
        for (int node = 0; node < cluster.size(); node++) {
            Api.Response start = cluster.nodeApi(node)
                    .post("api/v1/reset/flows", Json.object("login", login), Api.bearer(cluster.apiKey()));
            assertThat(start.status())
                    .as("an 11th code's flow on node " + (node + 1))
                    .isEqualTo(429);
            assertThat(start.body()).contains("reset-blocked");
        }
        return Map.of("codes sent before the block", answers.size(), "served by", new TreeMap<>(toCounts(answers)));
    }

    @Test
    void postgresRestartedUnderLoadFailsFastWith503AndEveryNodeRecoversByItself() throws Exception {
        long[] marks = new long[2];
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            pids.add(cluster.node(i).pid());
        }
        Instant auditFrom = Instant.now();
        LoadRun run = load(Duration.ofSeconds(14), USERS_PER_OUTAGE_RUN, () -> {
            sleep(3_000);
            marks[0] = System.nanoTime();
            cluster.database().stop();
            sleep(4_000);
            cluster.database().start();
            marks[1] = System.nanoTime();
        });
        run.print("PostgreSQL stopped for 4 s");
        long recovered = awaitEveryNodeServesAgain(marks[1]);
        System.out.printf(
                Locale.ROOT,
                "  database down %.1f s; every node served again %.1f s after it was back; failures %s; slowest failed reset step %.0f ms%n",
                (marks[1] - marks[0]) / 1e9,
                (recovered - marks[1]) / 1e9,
                run.errors(),
                run.slowestFailureMillis());
        assertThat(run.failed()).as("the outage was felt").isNotEmpty();
        assertThat(run.failed())
                .as(() -> "a 503 (or a mail that waited in the outbox), no hang, no other error; the nodes logged:\n"
                        + nodeErrors())
                .allMatch(o ->
                        o.failureKind().equals("http-503") || o.failureKind().equals("mail-timeout"));
        assertThat(run.result.abandonedWorkers()).isZero();
        for (int i = 0; i < cluster.size(); i++) {
            assertThat(cluster.node(i).pid())
                    .as("node " + (i + 1) + " was not restarted")
                    .isEqualTo(pids.get(i));
        }
        BindCheck binds = checkBinds(true, run.outcomes);
        System.out.println("  passwords in the directory afterwards: " + binds.counts());
        awaitAudited(binds.changed(), auditFrom);
    }

    @Test
    void theDirectoryStoppedAndStartedGives503sThenRecoversAndLeavesNoResetHalfDone() throws Exception {
        long[] marks = new long[2];
        Instant auditFrom = Instant.now();
        LoadRun run = load(Duration.ofSeconds(14), USERS_PER_OUTAGE_RUN, () -> {
            sleep(3_000);
            marks[0] = System.nanoTime();
            cluster.directory().stop();
            sleep(4_000);
            cluster.directory().start();
            marks[1] = System.nanoTime();
        });
        run.print("slapd stopped for 4 s");
        long recovered = awaitEveryNodeServesAgain(marks[1]);
        BindCheck binds = checkBinds(true, run.outcomes);
        awaitAudited(binds.changed(), auditFrom);
        System.out.printf(
                Locale.ROOT,
                "  directory down %.1f s; every node served again %.1f s after it was back; failures %s; passwords afterwards %s%n",
                (marks[1] - marks[0]) / 1e9,
                (recovered - marks[1]) / 1e9,
                run.errors(),
                binds.counts());
        assertThat(run.failed()).as("the outage was felt").isNotEmpty();
        assertThat(run.failed())
                .as("503s, no hang, no other error")
                .allMatch(o -> o.failureKind().equals("http-503"));
        assertThat(run.outcomes)
                .as("resets completed after the directory was back")
                .anyMatch(o -> o.acknowledged() && o.endedNanos() > marks[1]);
    }

    @Test
    void theOutboxDeliversEachMessageExactlyOnceAcrossNodes() throws Exception {
        LoadRun run = load(Duration.ofSeconds(10), () -> {});
        run.print("mail counted");
        assertThat(run.result.stats().errorCount()).as(run.errors()).isZero();
        Map<String, Long> codesSent = new HashMap<>();
        Map<String, Long> resets = new HashMap<>();
        for (ResetFlows.Outcome o : run.outcomes) {
            String address = SeedLdif.mail(o.user());
            codesSent.merge(address, o.codeSent() ? 1L : 0L, Long::sum);
            resets.merge(address, o.acknowledged() ? 1L : 0L, Long::sum);
        }
        Set<String> recipients = run.addresses();
        long expected = codesSent.values().stream().mapToLong(Long::longValue).sum()
                + resets.values().stream().mapToLong(Long::longValue).sum();
        awaitOutboxEmpty();
        List<MailSink.Delivery> mails = cluster.mail().deliveries().stream()
                .filter(d -> recipients.contains(d.recipient()))
                .toList();
        Map<String, Long> codeMails = count(mails, "reset-code");
        Map<String, Long> notices = count(mails, "reset-notice");
        System.out.printf(
                Locale.ROOT,
                "  %d codes sent and %d resets acknowledged for %d users: %d code mails, %d notices, %d other%n",
                codesSent.values().stream().mapToLong(Long::longValue).sum(),
                resets.values().stream().mapToLong(Long::longValue).sum(),
                recipients.size(),
                codeMails.values().stream().mapToLong(Long::longValue).sum(),
                notices.values().stream().mapToLong(Long::longValue).sum(),
                mails.size()
                        - codeMails.values().stream().mapToLong(Long::longValue).sum()
                        - notices.values().stream().mapToLong(Long::longValue).sum());
        assertThat(withoutZeros(codeMails)).as("one code mail per code sent").isEqualTo(withoutZeros(codesSent));
        assertThat(withoutZeros(notices)).as("one notice per reset").isEqualTo(withoutZeros(resets));
        assertThat(mails).as("nothing else").hasSize((int) expected);
        assertThat(mails.stream().map(d -> d.recipient() + " " + d.code()).filter(k -> !k.endsWith(" null")))
                .as("no code twice")
                .doesNotHaveDuplicates();
        assertThat(mails.stream().map(MailSink.Delivery::messageId)).doesNotHaveDuplicates();
    }

    @Test
    void aPortalResetInChromiumMovesBetweenNodesAndSurvivesTheKillOfTheNodeThatServedTheLastStep() throws Exception {
        int user = users(1);
        String login = SeedLdif.login(user);
        String address = SeedLdif.mail(user);
        List<String[]> pages = new CopyOnWriteArrayList<>();
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-quic",
                                        "--no-first-run",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--disable-sync")));
                BrowserContext context = browser.newContext(
                        new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1000, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.onResponse(response -> {
                if (response.request().isNavigationRequest()
                        || "document".equals(response.request().resourceType())) {
                    String node = response.headers().get("x-served-by");
                    pages.add(new String[] {response.request().method() + " " + response.url(), node});
                }
            });
            page.navigate(cluster.balancer().base().resolve("/reset").toString());
            page.getByLabel("User name").fill(login);
            page.getByText("Done. You can continue.").waitFor();
            Page.GetByRoleOptions next = new Page.GetByRoleOptions().setName("Next");
            page.getByRole(AriaRole.BUTTON, next).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a verification method"))
                    .waitFor();
            page.getByLabel(Pattern.compile("Email a code to my address")).check();
            page.getByRole(AriaRole.BUTTON, next).click();
            page.getByLabel("Your full email address").fill(address);
            cluster.mail().forget(address);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send code"))
                    .click();
            page.getByLabel("Code from the email").waitFor();
            String code = cluster.mail().awaitCode(address, MAIL_TIMEOUT);

            String last = pages.get(pages.size() - 1)[1];
            int victim = Integer.parseInt(last.substring("node".length())) - 1;
            cluster.kill(victim);
            System.out.println("  portal: killed " + last + ", which served " + pages.get(pages.size() - 1)[0]);
            int before = pages.size();
            page.getByLabel("Code from the email").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                    .click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a new password"))
                    .waitFor();
            String password = Passphrases.next();
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill(password);
            page.getByLabel("Confirm new password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset password"))
                    .click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your password was reset"))
                    .waitFor();

            System.out.println("  portal pages and the node that served each:");
            pages.forEach(p -> System.out.println("    " + p[1] + "  " + p[0]));
            assertThat(pages.stream().map(p -> p[1]).collect(Collectors.toSet()))
                    .as("the pages came from more than one node")
                    .hasSizeGreaterThan(1);
            assertThat(pages.subList(before, pages.size()))
                    .as("after the kill")
                    .isNotEmpty()
                    .allMatch(p -> !last.equals(p[1]));
            try (Slapd.Binds binds = cluster.directory().binds()) {
                assertThat(binds.binds(SeedLdif.dn(user), password)).isTrue();
                assertThat(binds.binds(SeedLdif.dn(user), SeedLdif.initialPassword(user)))
                        .isFalse();
            }
        }
    }

    // ---- load runs and what they left behind

    /** One load run at concurrency 16 through the balancer: its figures and how each reset ended. */
    private static final class LoadRun {
        final PhaseRunner.Result result;
        final List<ResetFlows.Outcome> outcomes;
        final long begun;

        LoadRun(PhaseRunner.Result result, Collection<ResetFlows.Outcome> outcomes, long begun) {
            this.result = result;
            this.outcomes = List.copyOf(outcomes);
            this.begun = begun;
        }

        List<ResetFlows.Outcome> acknowledged() {
            return outcomes.stream().filter(ResetFlows.Outcome::acknowledged).toList();
        }

        List<ResetFlows.Outcome> failed() {
            return outcomes.stream().filter(o -> !o.acknowledged()).toList();
        }

        Set<String> addresses() {
            return outcomes.stream().map(o -> SeedLdif.mail(o.user())).collect(Collectors.toSet());
        }

        String errors() {
            return result.stats().errorSummary(8);
        }

        double slowestFailureMillis() {
            return failed().stream()
                    .mapToDouble(o -> (o.endedNanos() - o.failedStepSentNanos()) / 1e6)
                    .max()
                    .orElse(0);
        }

        void print(String what) {
            System.out.println("Cluster, " + what + ": " + Report.progress(result) + "; " + begun + " resets begun");
        }
    }

    /** The first of {@code n} users nobody else uses. */
    private static int users(int n) {
        int first = NEXT_USER.getAndAdd(n);
        assertThat(first + n).as("enough seeded users").isLessThanOrEqualTo(USERS);
        return first;
    }

    /** Something done while the load runs. */
    private interface During {
        void run() throws Exception;
    }

    /** Runs the API reset flow at concurrency 16 through the balancer for {@code duration}, doing {@code during} meanwhile. */
    private static LoadRun load(Duration duration, During during) throws Exception {
        return load(duration, USERS_PER_RUN, during);
    }

    private static LoadRun load(Duration duration, int users, During during) throws Exception {
        int first = users(users);
        ConcurrentLinkedQueue<ResetFlows.Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<Thread, ResetFlows.Outcome> last = new java.util.concurrent.ConcurrentHashMap<>();
        ResetFlows flows = new ResetFlows(cluster.api(), cluster.mail(), first, users, MAIL_TIMEOUT, o -> {
            outcomes.add(o);
            last.put(Thread.currentThread(), o);
        });
        PhaseRunner.Operation reset = flows.withApiKey(cluster.apiKey());
        // As a client should: after a 503 wait the second its Retry-After asks for (HAProxy's own 503,
        // while readiness has every node out, says nothing; the same pause), instead of trying again at once.
        PhaseRunner.Operation politeReset = (worker, stats) -> {
            reset.run(worker, stats);
            ResetFlows.Outcome o = last.remove(Thread.currentThread());
            if (o != null && "http-503".equals(o.failureKind())) {
                Thread.sleep(1_000);
            }
        };
        PhaseRunner runner = new PhaseRunner(cluster::nodesCpuSeconds, Duration.ofSeconds(75));
        ExecutorService side = Executors.newSingleThreadExecutor();
        try {
            Future<?> meanwhile = side.submit(() -> {
                during.run();
                return null;
            });
            PhaseRunner.Result result =
                    runner.run("reset-api", CONCURRENCY, Duration.ZERO, duration, ResetFlows.API_STEPS, politeReset);
            meanwhile.get();
            assertThat(flows.begun()).as("no user reset twice in one run").isLessThanOrEqualTo(users);
            return new LoadRun(result, outcomes, flows.begun());
        } finally {
            side.shutdownNow();
        }
    }

    /** What the resets left in the directory: how many of each case, and the logins whose new password binds. */
    private record BindCheck(Map<String, Integer> counts, Set<String> changed) {}

    /**
     * What each reset left in the directory: an acknowledged one binds with its new password and
     * no longer with the old; one refused by a node (an answer of its own, not the balancer's 502
     * or 504 for a node that went away) still binds with the old password only; one whose answer
     * never came binds with exactly one of them. With {@code outage}, a 503 at the password step
     * counts as no answer: the node may have lost the database after the directory took the
     * password, or the directory's answer to the write (the interrupted-write sweep records what the
     * directory says, {@link #awaitAudited}).
     */
    @SafeVarargs
    private static BindCheck checkBinds(boolean outage, List<ResetFlows.Outcome>... runs) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        Set<String> changed = new HashSet<>();
        try (Slapd.Binds binds = cluster.directory().binds()) {
            for (List<ResetFlows.Outcome> run : runs) {
                for (ResetFlows.Outcome o : run) {
                    String dn = SeedLdif.dn(o.user());
                    String old = SeedLdif.initialPassword(o.user());
                    if (o.newPassword() == null) {
                        assertThat(binds.binds(dn, old))
                                .as(dn + " never reached the password step")
                                .isTrue();
                        counts.merge("untouched (old binds)", 1, Integer::sum);
                        continue;
                    }
                    boolean newBinds = binds.binds(dn, o.newPassword());
                    boolean oldBinds = binds.binds(dn, old);
                    if (newBinds) {
                        changed.add(SeedLdif.login(o.user()));
                    }
                    String what = o.acknowledged() ? "acknowledged" : "password step " + o.failureKind();
                    if (o.acknowledged()) {
                        assertThat(newBinds && !oldBinds)
                                .as(dn + " acknowledged: new binds, old does not")
                                .isTrue();
                        counts.merge("acknowledged (new binds)", 1, Integer::sum);
                    } else if (answeredByANode(o.failureKind())
                            && !(outage && o.failureKind().equals("http-503"))) {
                        assertThat(oldBinds && !newBinds)
                                .as(dn + " refused (" + o.failureKind() + "): old binds (" + oldBinds
                                        + "), new does not (" + newBinds + ")")
                                .isTrue();
                        counts.merge(what + " (old binds)", 1, Integer::sum);
                    } else {
                        assertThat(newBinds ^ oldBinds)
                                .as(dn + " no answer (" + o.failureKind() + "): exactly one binds, new " + newBinds
                                        + ", old " + oldBinds)
                                .isTrue();
                        counts.merge(what + (newBinds ? " (new binds)" : " (old binds)"), 1, Integer::sum);
                    }
                }
            }
        }
        return new BindCheck(counts, changed);
    }

    /**
     * Waits until every login in {@code changed} has a successful reset audit event since {@code
     * from}: at once for acknowledged resets, after the interrupted-write sweep for one whose
     * answer was lost.
     */
    private static Set<String> awaitAudited(Set<String> changed, Instant from) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Set<String> audited = auditedResets(from);
            if (audited.containsAll(changed)) {
                return audited;
            }
            Set<String> missing = new TreeSet<>(changed);
            missing.removeAll(audited);
            assertThat(System.nanoTime())
                    .as("a reset audit event for every password the directory took; missing " + missing)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static boolean answeredByANode(String kind) {
        return kind.startsWith("http-") && !kind.equals("http-502") && !kind.equals("http-504");
    }

    /** Waits until every node answers readiness and starts a flow by itself; returns when. */
    private static long awaitEveryNodeServesAgain(long since) throws Exception {
        long deadline = since + Duration.ofSeconds(90).toNanos();
        int user = users(1);
        for (int node = 0; node < cluster.size(); node++) {
            Api api = cluster.nodeApi(node);
            while (true) {
                int status;
                try {
                    status = api.post(
                                    "api/v1/reset/flows",
                                    Json.object("login", SeedLdif.login(user)),
                                    Api.bearer(cluster.apiKey()))
                            .status();
                } catch (Failure e) {
                    status = -1;
                }
                if (status == 201) {
                    break;
                }
                assertThat(System.nanoTime())
                        .as("node " + (node + 1) + " serves again")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        return System.nanoTime();
    }

    private static String startFlow(Api api, String login) throws Failure {
        String id = Json.string(
                Api.expect(
                                api.post(
                                        "api/v1/reset/flows",
                                        Json.object("login", login),
                                        Api.bearer(cluster.apiKey())),
                                201)
                        .body(),
                "flowId");
        return "api/v1/reset/flows/" + id;
    }

    /** {@code n} calls at once, each on its own thread, released together. */
    private static List<Api.Response> parallel(int n, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> toCounts(List<Api.Response> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.header("X-Served-By")), Collectors.counting()));
    }

    /** The audit events about {@code login} of {@code activity}, as the admin API returns them (raw JSON objects). */
    private static List<String> audit(String login, String activity) throws Failure {
        String body = Api.expect(
                        cluster.api()
                                .get(
                                        "api/v1/admin/audit?limit=1000&target=" + encode(login) + "&activity="
                                                + encode(activity),
                                        cluster.adminAuthorization()),
                        200)
                .body();
        List<String> events = new ArrayList<>();
        Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(body);
        while (m.find()) {
            events.add(m.group());
        }
        return events;
    }

    /** The logins with a successful "Reset password (self-service)" audit event since {@code from}. */
    private static Set<String> auditedResets(Instant from) throws Failure {
        Set<String> logins = new HashSet<>();
        String to = null;
        while (true) {
            String body = Api.expect(
                            cluster.api()
                                    .get(
                                            "api/v1/admin/audit?limit=1000&activity="
                                                    + encode("Reset password (self-service)") + "&from=" + from
                                                    + (to == null ? "" : "&to=" + encode(to)),
                                            cluster.adminAuthorization()),
                            200)
                    .body();
            Matcher m = Pattern.compile("\\{[^{}]*\\}").matcher(body);
            int n = 0;
            String oldest = null;
            while (m.find()) {
                n++;
                String event = m.group();
                if ("Success".equals(Json.string(event, "result"))) {
                    logins.add(Json.string(event, "target"));
                }
                oldest = Json.string(event, "time");
            }
            if (n < 1000 || oldest == null || oldest.equals(to)) {
                return logins;
            }
            to = oldest;
        }
    }

    /**
     * Waits until the outbox in the database is empty: a message's row is deleted once SMTP took
     * it, so from then on every mail queued so far has been delivered and no more of them come.
     */
    private static void awaitOutboxEmpty() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!cluster.database()
                .psql("SELECT count(*) FROM notification_outbox")
                .trim()
                .equals("0")) {
            assertThat(System.nanoTime()).as("the outbox empties").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Map<String, Long> count(List<MailSink.Delivery> mails, String kind) {
        return mails.stream()
                .filter(d -> d.kind().equals(kind))
                .collect(Collectors.groupingBy(MailSink.Delivery::recipient, Collectors.counting()));
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v > 0) {
                result.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * What the nodes logged at ERROR (with the stack that follows), to read a failure in CI, where
     * the nodes' logs are gone with the machine.
     */
    private static String nodeErrors() {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < cluster.size(); i++) {
            List<String> lines;
            try {
                lines = Files.readAllLines(cluster.node(i).log(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                errors.append("node ")
                        .append(i + 1)
                        .append(": log unreadable: ")
                        .append(e)
                        .append('\n');
                continue;
            }
            for (int n = 0; n < lines.size() && errors.length() < 40_000; n++) {
                if (lines.get(n).contains(" ERROR ")) {
                    errors.append("node ").append(i + 1).append(":\n");
                    lines.subList(n, Math.min(lines.size(), n + 40))
                            .forEach(l -> errors.append(l).append('\n'));
                }
            }
        }
        return errors.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static {
        // GreenMail logs through SLF4J; without a provider SLF4J warns once
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
}
