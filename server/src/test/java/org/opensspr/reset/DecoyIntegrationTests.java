package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opensspr.Http;
import org.opensspr.ServerIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A decoy flow (unknown login, account out of scope, or not registered enough) cannot be told from a
 * real one: not by its fields, its {@code required}, the shape of its hints, by trying the login again
 * or in another language, nor by the directory and database work it causes (issue 11).
 */
class DecoyIntegrationTests extends ServerIntegrationTest {

    /** alice, bob and carol are in {@code staff}; {@code admin} is only in {@code sspr-admins}. */
    private static final String STAFF = "staff";

    @Test
    void aDecoyAsksForAsManyMethodsAsAnOrdinaryUserInScopeWhoeverTheLoginIs() {
        policy(Map.of("enabledFor", "groups", "groups", List.of(STAFF), "methods", List.of("email", "sms")));
        int ordinary = started("alice").get("required").asInt();
        assertThat(ordinary).isEqualTo(1);
        assertThat(started("admin").get("required").asInt())
                .as("an admin out of scope (an admin in scope would need two)")
                .isEqualTo(ordinary);
        assertThat(started("alfred").get("required").asInt())
                .as("an unknown login")
                .isEqualTo(ordinary);

        // In scope but without a usable method: the admin's flow is a decoy too, and asks what alice's asks.
        policy(Map.of("methods", List.of("email", "sms"), "useDirectoryContacts", false));
        assertThat(started("admin").get("required").asInt())
                .as("an admin in scope with nothing registered")
                .isEqualTo(ordinary);
    }

    @Test
    void aDecoyHasTheFieldsAndHintShapesOfARealFlow() {
        // Decoys read the numbers and addresses on file at most once an hour: let them see this test's (none).
        clock.advance(Duration.ofHours(2));
        policy(Map.of(
                "enabledFor",
                "groups",
                "groups",
                List.of(STAFF),
                "methods",
                List.of("email", "sms"),
                "methodsRequired",
                2));
        JsonNode real = started("alice");
        assertThat(real.get("methods").findValuesAsString("hint"))
                .as("alice's real hints: her directory mail and NL mobile")
                .containsExactly("a*****@e*****.org", "+*********01");
        for (String login : List.of("alfred", "admin", "Zoë", "=cmd")) {
            JsonNode decoy = started(login);
            assertThat(fieldNames(decoy)).as(login).isEqualTo(fieldNames(real));
            assertThat(decoy.get("required")).as(login).isEqualTo(real.get("required"));
            assertThat(decoy.get("methods").size())
                    .as(login)
                    .isEqualTo(real.get("methods").size());
            for (int i = 0; i < real.get("methods").size(); i++) {
                JsonNode realMethod = real.get("methods").get(i);
                JsonNode decoyMethod = decoy.get("methods").get(i);
                assertThat(fieldNames(decoyMethod)).as(login).isEqualTo(fieldNames(realMethod));
                assertThat(decoyMethod.get("id")).as(login).isEqualTo(realMethod.get("id"));
                assertThat(decoyMethod.get("type")).as(login).isEqualTo(realMethod.get("type"));
                assertThat(decoyMethod.get("hint").asString())
                        .as("%s: the hint of %s", login, decoyMethod.get("type"))
                        .matches(
                                decoyMethod.get("type").asString().equals("email")
                                        ? "[a-z0-9]\\*{5}@e\\*{5}\\.org"
                                        : "\\+\\*{9}[0-9]{2}");
            }
        }
    }

    @Test
    void aDecoyHintIsAtTheMailDomainMostAddressesOnFileHave() {
        for (String login : List.of("alice", "bob", "carol")) {
            assertThat(admin.put(
                                    "/api/v1/admin/users/" + login + "/contact",
                                    Map.of("email", login + "@mail.example.net"))
                            .status())
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofHours(2));
        assertThat(started("bob").get("methods").get(0).get("hint").asString()).isEqualTo("b*****@m*****.net");
        assertThat(started("alfred").get("methods").get(0).get("hint").asString())
                .isEqualTo("a*****@m*****.net");
    }

    @Test
    void aDecoyOffersSomeOfThePolicysMethodsAndTheSameOnEveryTry() {
        policy(Map.of("methods", List.of("email", "sms", "totp")));
        assertThat(methodsOf(started("alice")))
                .as("a real user lists what they have, not every method the policy counts")
                .containsExactly("email", "sms");
        Set<List<String>> offered = new LinkedHashSet<>();
        for (int i = 1; i <= 20; i++) {
            String login = "nobody-" + i;
            JsonNode first = started(login);
            List<String> methods = methodsOf(first);
            offered.add(methods);
            assertThat(methods)
                    .as("%s: email (from the directory) first, then in the order real flows list them", login)
                    .startsWith("email")
                    .isSortedAccordingTo(
                            (a, b) -> List.of("email", "sms", "totp").indexOf(a)
                                    - List.of("email", "sms", "totp").indexOf(b));
            for (int again = 0; again < 2; again++) {
                JsonNode next = started(login.toUpperCase(java.util.Locale.ROOT));
                assertThat(next.get("methods")).as("%s tried again", login).isEqualTo(first.get("methods"));
                assertThat(next.get("required")).isEqualTo(first.get("required"));
            }
        }
        assertThat(offered)
                .as("decoys differ from login to login, and do not all list every method")
                .hasSizeGreaterThan(1)
                .isNotEqualTo(Set.of(List.of("email", "sms", "totp")));
    }

    @Test
    void aDecoyAsksTheSameQuestionsOnEveryTryAndInEveryLanguage() {
        policy(Map.of("methods", List.of("email", "questions"), "methodsRequired", 2));
        registerQuestions("alice", "q01", "q02", "q03");
        Set<String> realAsked = new LinkedHashSet<>();
        for (int i = 0; i < 4; i++) {
            realAsked.addAll(ids(askQuestions(http, "alice")));
        }
        assertThat(realAsked).as("a real user is asked their own questions").hasSize(3);

        Set<String> decoyAsked = new LinkedHashSet<>();
        Map<String, String> english = new TreeMap<>();
        Map<String, String> dutch = new TreeMap<>();
        Http inDutch = http.header("Accept-Language", "nl");
        for (int i = 0; i < 4; i++) {
            Http client = i % 2 == 0 ? http : inDutch;
            JsonNode asked = askQuestions(client, "alfred");
            assertThat(asked.size()).isEqualTo(3);
            decoyAsked.addAll(ids(asked));
            asked.forEach(q -> (client == http ? english : dutch)
                    .put(q.get("id").asString(), q.get("text").asString()));
        }
        assertThat(decoyAsked)
                .as("a decoy asks the same three questions on every try, in any language")
                .hasSize(realAsked.size());
        assertThat(english.keySet()).isEqualTo(dutch.keySet()).isEqualTo(decoyAsked);
        assertThat(dutch).as("in the user's language").isNotEqualTo(english);
    }

    @Test
    void aDecoyCostsTheDirectoryAndTheDatabaseWhatARealUserCosts() {
        policy(Map.of("methods", List.of("email", "questions"), "methodsRequired", 2));
        registerQuestions("alice", "q01", "q02", "q03");
        // Warm up: first requests load what later ones find ready (a decoy reads what is on file once an hour).
        askQuestions(http, "alice");
        askQuestions(http, "alfred");

        Map<String, Integer> realDirectory = new TreeMap<>();
        Map<String, Long> realDatabase = counted(() -> askQuestions(http, "alice"), realDirectory);
        Map<String, Integer> decoyDirectory = new TreeMap<>();
        Map<String, Long> decoyDatabase = counted(() -> askQuestions(http, "alfred"), decoyDirectory);

        assertThat(realDirectory).containsKeys("findUser", "groupsOf");
        assertThat(decoyDirectory).as("directory calls").isEqualTo(realDirectory);
        assertThat(realDatabase).containsKey("registered_method");
        assertThat(decoyDatabase).as("database statements per table").isEqualTo(realDatabase);
    }

    /** Runs {@code work}; returns the database statements it ran per table, and fills in the directory calls. */
    private Map<String, Long> counted(Runnable work, Map<String, Integer> directoryCalls) {
        jdbc.sql("SET QUERY_STATISTICS FALSE").update(); // clears the statistics
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
        directoryLink.resetCalls();
        work.run();
        directoryCalls.putAll(directoryLink.calls());
        List<Map.Entry<String, Long>> statements = new ArrayList<>();
        jdbc.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(statements::add);
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        // The tables a flow's start and challenge read and write; background work (the outbox, the sweep
        // of expired flows) touches others, or these only in statements of its own.
        Map<String, Long> perTable = new TreeMap<>();
        for (String table : List.of(
                "registered_method", "contact_info", "settings", "reset_challenge", "throttle_event", "reset_block")) {
            perTable.put(
                    table,
                    statements.stream()
                            .filter(s -> s.getKey()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains(table))
                            .mapToLong(Map.Entry::getValue)
                            .sum());
        }
        perTable.put(
                "INSERT INTO reset_flow",
                statements.stream()
                        .filter(s ->
                                s.getKey().toUpperCase(java.util.Locale.ROOT).startsWith("INSERT INTO RESET_FLOW"))
                        .mapToLong(Map.Entry::getValue)
                        .sum());
        perTable.values().removeIf(count -> count == 0);
        return perTable;
    }

    private JsonNode askQuestions(Http client, String login) {
        Http.Response started =
                client.post("/api/v1/reset/flows", Map.of("login", login, "captcha", solvedCaptcha(http)));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String flowId = started.json().get("flowId").asString();
        Http.Response asked =
                client.post("/api/v1/reset/flows/" + flowId + "/challenges", Map.of("methodId", "questions"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return asked.json().get("questions");
    }

    /** Registers answers straight into the database: the flow reads only which questions they are. */
    private void registerQuestions(String login, String... ids) {
        List<String> stored = new ArrayList<>();
        for (String id : ids) {
            stored.add("{\"questionId\":\"" + id + "\",\"hash\":\"$argon2id$not-a-real-hash\"}");
        }
        jdbc.sql("INSERT INTO registered_method (login, type, method_value, last_step, registered_at)"
                        + " VALUES (:login, 'questions', :value, -1, 0)")
                .param("login", login)
                .param("value", "[" + String.join(",", stored) + "]")
                .update();
    }

    private JsonNode started(String login) {
        Http.Response started = startFlow(login);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }

    private static List<String> methodsOf(JsonNode flow) {
        return flow.get("methods").findValuesAsString("id");
    }

    private static List<String> ids(JsonNode questions) {
        return questions.findValuesAsString("id");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
