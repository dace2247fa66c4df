package org.opensspr.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The whole reset as a helpdesk tool (API key) or a sign-in screen (device + logon session) runs
 * it: [logon session], start, email challenge with the full address, the code from the mail
 * sink, verification, new password. Each step is timed, the wait for the mail too (the outbox
 * dispatcher polls), and the whole flow from the first request to the password's answer.
 *
 * <p>Users are taken in turn from one cursor shared by every phase, so a run spreads its resets
 * over the seeded users; a user already in a flow of another virtual user is skipped, so two
 * flows never wait for the same mailbox.
 */
final class ResetFlows {

    static final List<String> API_STEPS = List.of("start", "challenge", "mail-wait", "verify", "password");
    static final List<String> LOGON_STEPS =
            List.of("logon-session", "start", "challenge", "mail-wait", "verify", "password");

    /**
     * How one reset ended, for a caller that checks outcomes afterwards (the cluster test):
     * {@code failedStep} is null when the new password was acknowledged ({@code 200}), else the
     * step that failed, its failure kind and when that step's request was sent and when the
     * reset ended ({@link System#nanoTime}); {@code codeSent} when the challenge was acknowledged ({@code
     * 202}); {@code newPassword} once the password step was sent, else null; {@code detail} what the
     * failed step was answered (the start of the body), so a failure in CI can be read without the node logs.
     */
    record Outcome(
            int user,
            String failedStep,
            String failureKind,
            long failedStepSentNanos,
            long endedNanos,
            boolean codeSent,
            String newPassword,
            String detail) {

        boolean acknowledged() {
            return failedStep == null;
        }
    }

    private final Api api;
    private final MailSink mail;
    private final int firstUser;
    private final int users;
    private final Duration mailTimeout;
    private final Consumer<Outcome> journal;
    private final AtomicLong cursor = new AtomicLong();
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();

    /** @param users resets use users 0 to {@code users - 1} */
    ResetFlows(Api api, MailSink mail, int users, Duration mailTimeout) {
        this(api, mail, 0, users, mailTimeout, outcome -> {});
    }

    /**
     * @param firstUser resets use users {@code firstUser} to {@code firstUser + users - 1}
     * @param journal told how each reset ended
     */
    ResetFlows(Api api, MailSink mail, int firstUser, int users, Duration mailTimeout, Consumer<Outcome> journal) {
        if (users < 1) {
            throw new IllegalArgumentException("at least one user is needed for resets");
        }
        this.api = api;
        this.mail = mail;
        this.firstUser = firstUser;
        this.users = users;
        this.mailTimeout = mailTimeout;
        this.journal = journal;
    }

    /** How many resets were begun: more than {@code users} means some user was reset twice. */
    long begun() {
        return cursor.get();
    }

    /** A reset with an API key ({@code Authorization: Bearer <key>} on the start). */
    PhaseRunner.Operation withApiKey(String apiKey) {
        String authorization = Api.bearer(apiKey);
        return (worker, stats) -> reset(stats, "start", s -> authorization);
    }

    /** A reset from a sign-in screen: the worker's device starts a logon session, whose token starts the flow. */
    PhaseRunner.Operation withLogonSession(List<Devices.Device> devices) {
        return (worker, stats) -> {
            Devices.Device device = devices.get(worker % devices.size());
            reset(stats, "logon-session", s -> {
                long t = System.nanoTime();
                String session = Json.string(
                        Api.expect(api.post("api/v1/logon/sessions", "{}", device.authorization()), 201)
                                .body(),
                        "sessionToken");
                if (session == null) {
                    throw new Failure("bad-answer", "no sessionToken");
                }
                s.step("logon-session", System.nanoTime() - t);
                return Api.bearer(session);
            });
        };
    }

    /** How the flow's starter gets its credential; a logon session records a step of its own. */
    private interface Credential {
        String get(Stats stats) throws Failure;
    }

    private void reset(Stats stats, String firstStep, Credential credential) {
        int user = nextUser();
        String step = firstStep;
        long start = System.nanoTime();
        long stepSent = start;
        boolean codeSent = false;
        String password = null;
        try {
            String authorization = credential.get(stats);
            long t = System.nanoTime();
            step = "start";
            stepSent = t;
            String login = SeedLdif.login(user);
            String address = SeedLdif.mail(user);
            String flowId = Json.string(
                    Api.expect(api.post("api/v1/reset/flows", Json.object("login", login), authorization), 201)
                            .body(),
                    "flowId");
            if (flowId == null) {
                throw new Failure("bad-answer", "no flowId");
            }
            long t2 = System.nanoTime();
            stats.step("start", t2 - t);
            String flow = "api/v1/reset/flows/" + flowId;

            step = "challenge";
            stepSent = t2;
            mail.forget(address);
            Api.expect(api.post(flow + "/challenges", Json.object("methodId", "email", "contact", address), null), 202);
            codeSent = true;
            long t3 = System.nanoTime();
            stats.step("challenge", t3 - t2);

            step = "mail-wait";
            stepSent = t3;
            String code = mail.awaitCode(address, mailTimeout);
            long t4 = System.nanoTime();
            stats.step("mail-wait", t4 - t3);

            step = "verify";
            stepSent = t4;
            Api.expect(api.post(flow + "/verifications", Json.object("methodId", "email", "code", code), null), 200);
            long t5 = System.nanoTime();
            stats.step("verify", t5 - t4);

            step = "password";
            stepSent = t5;
            password = Passphrases.next();
            Api.expect(api.post(flow + "/password", Json.object("newPassword", password), null), 200);
            long t6 = System.nanoTime();
            stats.step("password", t6 - t5);
            stats.success(start, t6);
            journal.accept(new Outcome(user, null, null, 0, t6, codeSent, password, null));
        } catch (Failure e) {
            stats.error(step + ":" + e.kind());
            journal.accept(
                    new Outcome(user, step, e.kind(), stepSent, System.nanoTime(), codeSent, password, e.getMessage()));
        } finally {
            busy.remove(user);
        }
    }

    private int nextUser() {
        while (true) {
            int user = firstUser + (int) (cursor.getAndIncrement() % users);
            if (busy.add(user)) {
                return user;
            }
        }
    }
}
