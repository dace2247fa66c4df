package org.opensspr.reset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.captcha.ProofOfWorkCaptcha;
import org.opensspr.enrollment.Question;
import org.opensspr.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reset/flows}: the reset flow over REST, as docs/architecture.md (3, 5.2) specifies it. */
@Tag(
        name = "Reset flow",
        description =
                "The public reset flow: start, challenge and verify methods, then unlock or set a new password. Its secrets are the flow id and the codes. An API key as bearer token starts flows without a CAPTCHA; a logon session token runs its one flow.")
@RestController
@RequestMapping("/api/v1/reset/flows")
class ResetFlowController {

    private final ResetFlowService service;
    private final ProofOfWorkCaptcha captcha;
    private final PasswordChecks checks;
    private final PasswordRuleTexts ruleTexts;

    ResetFlowController(
            ResetFlowService service, ProofOfWorkCaptcha captcha, PasswordChecks checks, PasswordRuleTexts ruleTexts) {
        this.service = service;
        this.captcha = captcha;
        this.checks = checks;
        this.ruleTexts = ruleTexts;
    }

    /**
     * Starts a flow. A browser must send a solved CAPTCHA ({@code GET /api/v1/reset/captcha});
     * API-key callers and a logon session (ClientType LogonScreen, whose one flow this becomes)
     * need none. The CAPTCHA is spent before, and outside, the flow's transaction.
     */
    @Operation(
            summary = "Start a reset flow",
            description =
                    "Starts a flow for `login`. A browser must send a solved CAPTCHA (`GET /api/v1/reset/captcha`); API-key callers and a logon session (ClientType LogonScreen, whose one flow this becomes) need none. An unknown user gets a decoy flow that looks the same.")
    @ApiResponse(
            responseCode = "201",
            description =
                    "The flow id, when it expires, how many methods are required, the methods with hints and the password rules.")
    @ApiResponse(responseCode = "400", description = "No login, or a wrong CAPTCHA (`captcha-invalid`).")
    @ApiResponse(
            responseCode = "429",
            description = "Too many flows from this client or for this user (`Retry-After`).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FlowView start(@Valid @RequestBody StartRequest body, Locale locale, HttpServletRequest request) {
        Caller caller = Callers.from(request);
        if (caller.clientType() == ClientType.Browser && !captcha.verify(body.captcha())) {
            throw FlowProblems.captchaInvalid();
        }
        ResetFlowService.StartedFlow flow =
                service.start(body.login(), caller, Callers.logonSession().orElse(null));
        return new FlowView(
                flow.flowId(),
                flow.expiresAt(),
                flow.required(),
                flow.methods().stream()
                        .map(m -> new MethodView(m.id(), m.type().id(), m.hint()))
                        .toList(),
                ruleTexts.of(locale));
    }

    @Operation(
            summary = "Send a code or ask the questions",
            description =
                    "Sends a code to the method `methodId` (for email and SMS, `contact` may be asked to confirm the address), or answers the security questions to ask.")
    @ApiResponse(responseCode = "202", description = "Sent; `questions` is set for security questions only.")
    @ApiResponse(responseCode = "404", description = "An unknown or expired flow (`flow-not-found`).")
    @PostMapping("/{flowId}/challenges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChallengeView challenge(
            @Parameter(
                            description = "The flow id answered by `POST /api/v1/reset/flows`.",
                            example = "Xq3v9bT2kLm8pR4s")
                    @PathVariable
                    String flowId,
            @Valid @RequestBody ChallengeRequest body,
            Locale locale,
            HttpServletRequest request) {
        List<Question> questions =
                service.challenge(flowId, body.methodId(), body.contact(), locale, Callers.from(request));
        return new ChallengeView(questions.isEmpty() ? null : questions);
    }

    @Operation(
            summary = "Verify a method",
            description =
                    "Checks a `code` from `methodId`, or the `answers` to its questions; answers how many methods remain.")
    @ApiResponse(responseCode = "200", description = "`remaining` methods to verify.")
    @ApiResponse(
            responseCode = "400",
            description = "A wrong code or wrong answers (`code-invalid`, `answers-invalid`).")
    @ApiResponse(responseCode = "429", description = "Too many wrong attempts (`too-many-attempts`).")
    @ApiResponse(responseCode = "404", description = "An unknown or expired flow (`flow-not-found`).")
    @PostMapping("/{flowId}/verifications")
    VerificationView verify(
            @Parameter(
                            description = "The flow id answered by `POST /api/v1/reset/flows`.",
                            example = "Xq3v9bT2kLm8pR4s")
                    @PathVariable
                    String flowId,
            @Valid @RequestBody VerificationRequest body,
            HttpServletRequest request) {
        Map<String, String> answers = new HashMap<>();
        if (body.answers() != null) {
            body.answers().forEach(a -> answers.put(a.id(), a.answer()));
        }
        return new VerificationView(
                service.verify(flowId, body.methodId(), body.code(), answers, Callers.from(request)));
    }

    @Operation(
            summary = "Unlock the account",
            description = "Unlocks the account once every required method is verified, when the policy allows unlock.")
    @ApiResponse(responseCode = "200", description = "`unlocked`.")
    @ApiResponse(
            responseCode = "403",
            description = "Methods still to verify (`verification-required`), or unlock is off (`unlock-not-allowed`).")
    @PostMapping("/{flowId}/unlock")
    PasswordView unlock(
            @Parameter(
                            description = "The flow id answered by `POST /api/v1/reset/flows`.",
                            example = "Xq3v9bT2kLm8pR4s")
                    @PathVariable
                    String flowId,
            HttpServletRequest request) {
        service.unlock(flowId, Callers.from(request));
        return new PasswordView("unlocked");
    }

    @Operation(
            summary = "Set the new password",
            description =
                    "Sets `newPassword` once every required method is verified; checked by the password policy, whose violations say what to do.")
    @ApiResponse(responseCode = "200", description = "`reset`.")
    @ApiResponse(responseCode = "403", description = "Methods still to verify (`verification-required`).")
    @ApiResponse(
            responseCode = "422",
            description =
                    "The password breaks the policy (`password-rejected`, the first violation in the caller's language).")
    @PostMapping("/{flowId}/password")
    PasswordView password(
            @Parameter(
                            description = "The flow id answered by `POST /api/v1/reset/flows`.",
                            example = "Xq3v9bT2kLm8pR4s")
                    @PathVariable
                    String flowId,
            @Valid @RequestBody PasswordRequest body,
            HttpServletRequest request) {
        service.resetPassword(flowId, body.newPassword(), Callers.from(request));
        return new PasswordView("reset");
    }

    /**
     * What the password step would answer to {@code newPassword}, and the meter's strength, without
     * setting anything: only for a flow at its password step (else {@code 404 flow-not-found}, as an
     * unknown flow), within the flow's budget of checks ({@code 429} with {@code Retry-After}).
     */
    @Operation(
            summary = "Check a password",
            description =
                    "What the password step would answer to `newPassword`, and the meter's strength, without setting anything: only for a flow at its password step (else `404 flow-not-found`, as an unknown flow), within the flow's budget of checks (`429` with `Retry-After`).")
    @ApiResponse(responseCode = "200", description = "The violations and the strength.")
    @ApiResponse(responseCode = "404", description = "No flow at its password step (`flow-not-found`).")
    @ApiResponse(responseCode = "429", description = "The flow's budget of checks is spent.")
    @PostMapping("/{flowId}/password/check")
    PasswordChecks.Answer checkPassword(
            @Parameter(
                            description = "The flow id answered by `POST /api/v1/reset/flows`.",
                            example = "Xq3v9bT2kLm8pR4s")
                    @PathVariable
                    String flowId,
            @Valid @RequestBody PasswordRequest body,
            Locale locale) {
        return checks.forFlow(flowId, body.newPassword(), locale);
    }

    /** {@code captcha}: the solved proof-of-work challenge, {@code <challenge>:<counter>}. */
    record StartRequest(
            @Schema(description = "The user's login.", example = "jdoe") @NotBlank @Size(max = 256)
            String login,

            @Schema(description = "The solved CAPTCHA, `<challenge>:<counter>`; not for API keys and logon sessions.")
            @Size(max = 300)
            String captcha) {}

    record ChallengeRequest(
            @Schema(description = "A method `id` from the flow's `methods`.", example = "email")
            @NotBlank
            @Size(max = 40)
            String methodId,

            @Size(max = 320) String contact) {}

    record VerificationRequest(
            @Schema(description = "A method `id` from the flow's `methods`.", example = "email")
            @NotBlank
            @Size(max = 40)
            String methodId,

            @Schema(description = "The code sent, or the authenticator's.", example = "48213906") @Size(max = 40)
            String code,

            @Size(max = 10) List<@Valid Answer> answers) {}

    record Answer(
            @NotBlank @Size(max = 40) String id,
            @Size(max = 400) String answer) {}

    /** {@code newPassword} is checked by the password policy, not here, so that its violations say what to do. */
    record PasswordRequest(@Size(max = 4096) String newPassword) {}

    /** {@code password}: the password policy's rules, the same for every flow (a decoy's too). */
    record FlowView(
            String flowId,
            Instant expiresAt,
            int required,
            List<MethodView> methods,
            PasswordRuleTexts.PasswordRulesView password) {}

    record MethodView(String id, String type, String hint) {}

    /** {@code questions} is set for security questions only. */
    record ChallengeView(List<Question> questions) {}

    record VerificationView(int remaining) {}

    record PasswordView(String status) {}
}
