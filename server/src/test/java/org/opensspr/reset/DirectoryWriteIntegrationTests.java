package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.directory.Directory;
import org.opensspr.notify.Message.Kind;
import org.opensspr.secrets.Digests;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The password step's write to the directory: the intent commits first, the directory is written
 * without a database connection held, the outcome commits last. A failed write leaves the flow
 * open; a crash between the write and the record is settled by {@link InterruptedWrites}, so no
 * password changes without its audit event and no finished flow takes a second password.
 */
class DirectoryWriteIntegrationTests extends ServerIntegrationTest {

    @Autowired
    InterruptedWrites interrupted;

    @Autowired
    Directory directory;

    @Test
    void aWriteTheDirectoryCannotTakeLeavesTheFlowOpenAndOnRecord() {
        String flowId = verifiedFlow("carol");
        directoryLink.failWrites(true);
        Http.Response failed = http.post(path(flowId, "password"), Map.of("newPassword", "Carol-writes-later-4"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(status(flowId)).isEqualTo("OPEN");
        assertThat(lastReset("carol").get("result").asString()).isEqualTo("Failure");
        assertThat(lastReset("carol").get("details").asString()).contains("nothing was changed");

        directoryLink.failWrites(false);
        Http.Response retried = http.post(path(flowId, "password"), Map.of("newPassword", "Carol-writes-later-4"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(status(flowId)).isEqualTo("COMPLETED");
    }

    @Test
    void anAccountThatCannotBeUnlockedAfterThePasswordWasSetStillCountsAsReset() {
        String flowId = verifiedFlow("carol");
        directoryLink.failUnlock(true);
        Http.Response reset = http.post(path(flowId, "password"), Map.of("newPassword", "Carol-locked-still-5"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(http.basic("carol", "Carol-locked-still-5")
                        .get("/api/v1/me/methods")
                        .status())
                .isEqualTo(200);
        JsonNode event = lastReset("carol");
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("details").asString()).contains("could not be unlocked");
    }

    @Test
    void aResetCutOffAfterTheDirectoryWroteIsRecordedAndTakesNoSecondPassword() throws Exception {
        String flowId = verifiedFlow("carol");
        // A crash after the intent committed and the directory took the password, before the outcome committed.
        Instant since = Instant.now().minusSeconds(1);
        interruptAt(flowId, since);
        directory.resetPassword(directory.findUser("carol").orElseThrow(), "Carol-after-a-crash-6");
        passTheThreshold(since);

        assertThat(interrupted.settle()).isEqualTo(1);
        assertThat(status(flowId)).isEqualTo("COMPLETED");
        JsonNode event = lastReset("carol");
        assertThat(event.get("result").asString()).isEqualTo("Success");
        assertThat(event.get("details").asString()).contains("after an interruption");
        assertThat(mailbox.awaitMail("carol@example.org", Kind.RESET_NOTICE).getSubject())
                .isEqualTo("Your password was reset");
        assertThat(http.post(path(flowId, "password"), Map.of("newPassword", "Carol-second-try-7"))
                        .status())
                .as("the finished flow takes no second password")
                .isEqualTo(404);
        assertThat(interrupted.settle()).as("settled once").isZero();
    }

    @Test
    void aResetCutOffBeforeTheDirectoryWroteIsClosedAsAFailureThatChangedNothing() {
        String flowId = verifiedFlow("carol");
        // The intent committed, then the process died before the directory was written.
        Instant since = Instant.now().plusSeconds(30);
        interruptAt(flowId, since);
        passTheThreshold(since);

        assertThat(interrupted.settle()).isEqualTo(1);
        assertThat(status(flowId)).isEqualTo("ABANDONED");
        JsonNode event = lastReset("carol");
        assertThat(event.get("result").asString()).isEqualTo("Failure");
        assertThat(event.get("details").asString()).contains("nothing was changed");
        assertThat(mailbox.deliveredCount()).as("no notice: nothing was reset").isOne(); // the code mail
    }

    @Test
    void aWriteInProgressIsLeftAloneUntilItIsOlderThanTheThreshold() {
        String flowId = verifiedFlow("carol");
        interruptAt(flowId, clock.instant());
        assertThat(interrupted.settle()).isZero();
        assertThat(status(flowId)).isEqualTo("WRITING");
    }

    private String verifiedFlow(String login) {
        Http.Response started = startFlow(login);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String flowId = started.json().get("flowId").asString();
        String mail = login + "@example.org";
        assertThat(http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", mail))
                        .status())
                .isEqualTo(202);
        String code = mailbox.awaitMailCode(mail, Kind.RESET_CODE);
        assertThat(http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code))
                        .status())
                .isEqualTo(200);
        return flowId;
    }

    private void interruptAt(String flowId, Instant since) {
        assertThat(jdbc.sql("""
                        UPDATE reset_flow SET status = 'WRITING', pending_action = 'PASSWORD', pending_since = :since
                        WHERE id_hash = :id AND status = 'OPEN'""")
                        .param("since", since.toEpochMilli())
                        .param("id", Digests.sha256(flowId))
                        .update())
                .isOne();
    }

    /** Moves the test clock so that a write begun at {@code since} is older than the 60 s threshold. */
    private void passTheThreshold(Instant since) {
        Duration needed = Duration.between(clock.instant(), since.plusSeconds(61));
        if (!needed.isNegative()) {
            clock.advance(needed);
        }
    }

    private String status(String flowId) {
        return jdbc.sql("SELECT status FROM reset_flow WHERE id_hash = :id")
                .param("id", Digests.sha256(flowId))
                .query(String.class)
                .single();
    }

    private JsonNode lastReset(String login) {
        return admin.get("/api/v1/admin/audit?target=" + login + "&activity=Reset%20password%20(self-service)&limit=1")
                .json()
                .get("events")
                .get(0);
    }

    private static String path(String flowId, String step) {
        return "/api/v1/reset/flows/" + flowId + "/" + step;
    }
}
