package org.opensspr.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.opensspr.Http;
import org.opensspr.Mailbox;
import org.opensspr.ServerIntegrationTest;
import org.opensspr.notify.Message;

/** A reset flow over the REST API up to the point where the user may choose a password: started, mailed, verified. */
final class RealDirectoryFlows {

    private RealDirectoryFlows() {}

    /** Starts a flow for {@code login} as a browser does, verifies it with the code mailed to {@code mail}; the flow id. */
    static String verifiedFlow(Http http, Mailbox mailbox, String login, String mail) {
        Http.Response started = http.post(
                "/api/v1/reset/flows", Map.of("login", login, "captcha", ServerIntegrationTest.solvedCaptcha(http)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String flowId = started.json().get("flowId").asString();
        Http.Response challenged = http.post(path(flowId, "challenges"), Map.of("methodId", "email", "contact", mail));
        assertThat(challenged.status()).as(challenged.toString()).isEqualTo(202);
        String code = mailbox.awaitMailCode(mail, Message.Kind.RESET_CODE);
        Http.Response verified = http.post(path(flowId, "verifications"), Map.of("methodId", "email", "code", code));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("remaining").asInt()).isZero();
        return flowId;
    }

    static String path(String flowId, String step) {
        return "/api/v1/reset/flows/" + flowId + "/" + step;
    }
}
