package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A problem is thrown by its code and gets its title and detail from the message bundles in the
 * caller's language; its type, the API contract, never changes with the language.
 */
class ProblemLocalizationTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private final MessageSource messages = Bundles.messages();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aProblemIsRenderedInTheCallersLanguageWithTheSameType() {
        ProblemDetail english = Problems.of(ProblemCode.CODE_INVALID).render(messages, Locale.ENGLISH);
        assertThat(english.getTitle()).isEqualTo("Code not accepted");
        assertThat(english.getDetail()).isEqualTo("The code is wrong or has expired. Check it, or ask for a new code.");

        ProblemDetail dutch = Problems.of(ProblemCode.CODE_INVALID).render(messages, DUTCH);
        assertThat(dutch.getTitle()).isEqualTo("Code niet geaccepteerd");
        assertThat(dutch.getDetail())
                .isEqualTo("De code is onjuist of verlopen. Controleer de code of vraag een nieuwe aan.");
        assertThat(dutch.getType())
                .isEqualTo(english.getType())
                .hasToString("https://opensspr.org/problems/code-invalid");
        assertThat(dutch.getStatus()).isEqualTo(400);
    }

    @Test
    void aLanguageWeDoNotSpeakGetsEnglish() {
        assertThat(Problems.of(ProblemCode.FLOW_NOT_FOUND)
                        .render(messages, Locale.GERMAN)
                        .getDetail())
                .isEqualTo("This password reset has expired or does not exist. Please start again.");
    }

    @Test
    void argumentsPluralsAndMethodNamesAreInTheSameLanguage() {
        assertThat(detail(Problems.of(ProblemCode.VERIFICATION_REQUIRED, 1), Locale.ENGLISH))
                .isEqualTo("Pass 1 more verification step before choosing a new password.");
        assertThat(detail(Problems.of(ProblemCode.VERIFICATION_REQUIRED, 2), Locale.ENGLISH))
                .isEqualTo("Pass 2 more verification steps before choosing a new password.");
        assertThat(detail(Problems.of(ProblemCode.VERIFICATION_REQUIRED, 2), DUTCH))
                .isEqualTo("Doorloop nog 2 verificatiestappen voordat u een nieuw wachtwoord kiest.");
        CodedProblem sms = Problems.of(ProblemCode.METHOD_NOT_REGISTERED, Problems.text("problem.method.sms"));
        assertThat(detail(sms, Locale.ENGLISH)).isEqualTo("You have no sms method registered.");
        assertThat(detail(sms, DUTCH)).isEqualTo("U hebt geen mobiel nummer geregistreerd.");
        assertThat(detail(Problems.of(ProblemCode.API_KEY_EXISTS, "ci"), Locale.ENGLISH))
                .isEqualTo("An API key named 'ci' exists. Delete it first or choose another name.");
        assertThat(detail(Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, 1048576L), Locale.ENGLISH))
                .isEqualTo("The request body is larger than this server takes (1048576 bytes).");
    }

    @Test
    void theRefusedPasswordsPrefixIsInTheLanguageOfItsViolation() {
        assertThat(detail(Problems.of(ProblemCode.PASSWORD_REJECTED, "Gebruik minstens 12 tekens."), DUTCH))
                .isEqualTo("Het nieuwe wachtwoord voldoet niet aan het wachtwoordbeleid: Gebruik minstens 12 tekens.");
        assertThat(detail(Problems.of(ProblemCode.PASSWORD_REJECTED, "Use at least 12 characters."), Locale.ENGLISH))
                .isEqualTo("The new password does not meet the password policy: Use at least 12 characters.");
    }

    @Test
    void aListArgumentIsEachOfItsTextsInTurn() {
        InvalidInput answers = new InvalidInput(
                ProblemCode.ANSWERS_REFUSED,
                List.of(Problems.text("answers.tooShort", 1, 3), Problems.text("answers.same", 2, 3)));
        assertThat(detail(answers.problem(), DUTCH))
                .isEqualTo("Antwoord 1 is te kort: gebruik minstens 3 tekens."
                        + " Antwoord 2 en 3 zijn hetzelfde: geef op elke vraag een ander antwoord.");
        assertThat(answers.getMessage())
                .as("a log line names the text, never the input")
                .isEqualTo("problem.invalid-request.answers.detail");
    }

    @Test
    void anApiClientAskingForDutchGetsADutchTitleAndDetail() throws Exception {
        ProblemAdvice advice = new ProblemAdvice();
        advice.setMessageSource(messages);
        LocaleContextHolder.setLocale(DUTCH);
        ResponseEntity<Object> answer = advice.handleException(
                Problems.of(ProblemCode.FLOW_NOT_FOUND),
                new ServletWebRequest(
                        new MockHttpServletRequest("POST", "/api/v1/reset/flows/x/challenges"),
                        new MockHttpServletResponse()));
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        ProblemDetail body = (ProblemDetail) answer.getBody();
        assertThat(body.getType()).hasToString("https://opensspr.org/problems/flow-not-found");
        assertThat(body.getTitle()).isEqualTo("Herstel niet gevonden");
        assertThat(body.getDetail()).isEqualTo("Dit wachtwoordherstel is verlopen of bestaat niet. Begin opnieuw.");

        ProblemDetail phone = advice.invalid(new InvalidInput(ProblemCode.PHONE_INVALID, "0612"));
        assertThat(phone.getType()).hasToString("https://opensspr.org/problems/invalid-request");
        assertThat(phone.getDetail()).isEqualTo("'0612' is geen geldig telefoonnummer.");
        assertThat(advice.invalid(new IllegalArgumentException("methodsRequired must be 1 or 2"))
                        .getDetail())
                .as("a record's own check says what is wrong as it is")
                .isEqualTo("methodsRequired must be 1 or 2");
    }

    private String detail(CodedProblem problem, Locale locale) {
        return problem.render(messages, locale).getDetail();
    }
}
