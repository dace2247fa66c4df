package org.opensspr.agent.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reset flow as the sign-in screen runs it ({@code /api/v1/reset/flows...}), started with a
 * logon session and spoken over {@link ServerClient}'s wire, so that its TLS, proxy, URL and error
 * rules are the ones of every other command. Passwords and answers go out from char arrays and the
 * request bodies are wiped after sending; nothing here logs or prints a token, a code or an answer.
 */
public final class ResetFlowClient {

    private final ServerClient server;

    public ResetFlowClient(ServerClient server) {
        this.server = Objects.requireNonNull(server, "server cannot be null");
    }

    /** Starts the reset flow of {@code login} with the logon session (once per session). */
    public Flow startFlow(String sessionToken, String login) {
        JsonNode body = server.send(server.request("/api/v1/reset/flows")
                .header("Authorization", "Bearer " + sessionToken)
                .POST(ServerClient.json(ServerClient.JSON.createObjectNode().put("login", login))));
        List<Method> methods = new ArrayList<>();
        for (JsonNode m : body.path("methods")) {
            methods.add(new Method(
                    m.path("id").asText(),
                    m.path("type").asText(),
                    m.path("hint").asText("")));
        }
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : body.path("password").path("rules")) {
            rules.add(rule.asText());
        }
        return new Flow(
                body.path("flowId").asText(), body.path("required").asInt(1), List.copyOf(methods), List.copyOf(rules));
    }

    /** Sends a code (the contact is the full address or number) or fetches the questions (then not empty). */
    public List<Question> challenge(String flowId, String methodId, String contact) {
        ObjectNode request = ServerClient.JSON.createObjectNode().put("methodId", methodId);
        if (contact != null) {
            request.put("contact", contact);
        }
        JsonNode body =
                server.send(server.request(flowPath(flowId, "challenges")).POST(ServerClient.json(request)));
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : body.path("questions")) {
            questions.add(new Question(q.path("id").asText(), q.path("text").asText()));
        }
        return List.copyOf(questions);
    }

    /** Verifies a code; returns how many verifications remain. */
    public int verifyCode(String flowId, String methodId, String code) {
        ObjectNode request =
                ServerClient.JSON.createObjectNode().put("methodId", methodId).put("code", code);
        return server.send(server.request(flowPath(flowId, "verifications")).POST(ServerClient.json(request)))
                .path("remaining")
                .asInt();
    }

    /** Verifies the answers to security questions; returns how many verifications remain. */
    public int verifyAnswers(String flowId, String methodId, List<Answer> answers) {
        ObjectNode request = ServerClient.JSON.createObjectNode().put("methodId", methodId);
        answers.forEach(
                a -> request.withArray("answers").addObject().put("id", a.id()).put("answer", a.answer()));
        return server.send(server.request(flowPath(flowId, "verifications")).POST(ServerClient.json(request)))
                .path("remaining")
                .asInt();
    }

    /** Sets the new password. The request body is written from the char array and wiped after sending. */
    public void setPassword(String flowId, char[] newPassword) {
        byte[] body = passwordBody(newPassword);
        try {
            server.send(
                    server.request(flowPath(flowId, "password")).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * What the password step would say to {@code newPassword} without setting it (the server's own
     * policy, the user's names and history included). The body is wiped after sending. Throws when the
     * server gives no verdict (a server without the check, a spent budget): the password step still decides.
     */
    public Check checkPassword(String flowId, char[] newPassword) {
        byte[] body = passwordBody(newPassword);
        try {
            JsonNode answer = server.send(server.request(flowPath(flowId, "password/check"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            if (!answer.path("accepted").isBoolean()) {
                throw server.badAnswer("the password check holds no verdict");
            }
            return new Check(
                    answer.path("accepted").asBoolean(),
                    ServerClient.violations(answer),
                    answer.path("strength").asInt(0));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Unlocks the account without a new password, where the policy allows it. */
    public void unlock(String flowId) {
        server.send(server.request(flowPath(flowId, "unlock"))
                .POST(ServerClient.json(ServerClient.JSON.createObjectNode())));
    }

    private static byte[] passwordBody(char[] password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = ServerClient.JSON.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeFieldName("newPassword");
            json.writeString(password, 0, password.length);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    private static String flowPath(String flowId, String step) {
        return "/api/v1/reset/flows/" + URLEncoder.encode(flowId, StandardCharsets.UTF_8) + "/" + step;
    }

    /** A started reset flow; {@code passwordRules} are the server's policy in sentences, empty from a server that sends none. */
    public record Flow(String flowId, int required, List<Method> methods, List<String> passwordRules) {}

    /** The server's verdict on a password before it is set: the violations the password step would report. */
    public record Check(boolean accepted, List<String> violations, int strength) {}

    /** A verification method of the user, with the server's masked hint. */
    public record Method(String id, String type, String hint) {}

    /** A security question of the user. */
    public record Question(String id, String text) {}

    /** The answer to one security question. */
    public record Answer(String id, String answer) {}
}
