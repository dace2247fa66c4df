package org.opensspr.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.opensspr.web.Callers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/...}: the signed-in user (HTTP Basic with the directory password, or the
 * portal session) registers the methods they will reset with. Each change (adding, replacing or
 * removing a method) needs a step-up proof in the {@value StepUpService#HEADER} header, got from
 * {@code /api/v1/me/step-up}: without one the answer is 403 {@code step-up-required}.
 */
@Tag(
        name = "Me: methods",
        description =
                "The signed-in user registers the methods they will reset with. Each change needs a step-up proof in the `X-Step-Up` header, got from `/api/v1/me/step-up`.")
@RestController
class MeController {

    private final RegistrationService registration;
    private final StepUpService stepUp;
    private final SecurityInfoService securityInfo;
    private final PolicyService policies;
    private final Directory directory;
    private final String issuer;

    MeController(
            RegistrationService registration,
            StepUpService stepUp,
            SecurityInfoService securityInfo,
            PolicyService policies,
            Directory directory,
            @Value("${sspr.totp.issuer:OpenSSPR}") String issuer) {
        this.registration = registration;
        this.stepUp = stepUp;
        this.securityInfo = securityInfo;
        this.policies = policies;
        this.directory = directory;
        this.issuer = issuer;
    }

    @Operation(
            summary = "My methods",
            description =
                    "What the policy requires and allows, whether the user is complete or must (re)register, the usable methods with hints and the registered ones.")
    @ApiResponse(responseCode = "200", description = "The user's methods.")
    @GetMapping("/api/v1/me/methods")
    MethodsView methods(Authentication authentication) {
        SecurityInfoService.Status status = securityInfo.status(user(authentication));
        return new MethodsView(
                status.required(),
                status.allowed().stream().map(MethodType::id).toList(),
                status.complete(),
                status.registrationRequired(),
                status.reconfirmDue(),
                status.usable().stream()
                        .map(m -> new UsableView(m.id(), m.type().id(), m.hint()))
                        .toList(),
                status.registered());
    }

    @Operation(
            summary = "Register an email address",
            description =
                    "Sends a code to `address`; the address is registered when the code is verified. Needs a step-up proof.")
    @ApiResponse(responseCode = "202", description = "The code is on its way.")
    @ApiResponse(responseCode = "403", description = "No or a wrong step-up proof (`step-up-required`).")
    @PostMapping("/api/v1/me/methods/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void startEmail(
            @RequestBody AddressBody body,
            @Parameter(
                            description =
                                    "The step-up proof from `POST /api/v1/me/step-up/verifications`; without one the answer is 403 `step-up-required`.")
                    @RequestHeader(name = StepUpService.HEADER, required = false)
                    String proof,
            Authentication authentication,
            HttpServletRequest request) {
        registration.startEmail(user(authentication), body.address(), proof, Callers.from(request));
    }

    @Operation(summary = "Verify the email code", description = "Registers the address when `code` is the one sent.")
    @ApiResponse(responseCode = "200", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "A wrong or expired code.")
    @PostMapping("/api/v1/me/methods/email/verify")
    void verifyEmail(@RequestBody CodeBody body, Authentication authentication, HttpServletRequest request) {
        registration.verifyCode(user(authentication), MethodType.EMAIL, body.code(), Callers.from(request));
    }

    @Operation(
            summary = "Register a phone",
            description =
                    "Sends a code by SMS to `phone` (E.164 or national); registered when the code is verified. Needs a step-up proof.")
    @ApiResponse(responseCode = "202", description = "The code is on its way.")
    @ApiResponse(responseCode = "403", description = "No or a wrong step-up proof (`step-up-required`).")
    @PostMapping("/api/v1/me/methods/sms")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void startSms(
            @RequestBody PhoneBody body,
            @Parameter(
                            description =
                                    "The step-up proof from `POST /api/v1/me/step-up/verifications`; without one the answer is 403 `step-up-required`.")
                    @RequestHeader(name = StepUpService.HEADER, required = false)
                    String proof,
            Authentication authentication,
            HttpServletRequest request) {
        registration.startSms(user(authentication), body.phone(), proof, Callers.from(request));
    }

    @Operation(summary = "Verify the SMS code", description = "Registers the phone when `code` is the one sent.")
    @ApiResponse(responseCode = "200", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "A wrong or expired code.")
    @PostMapping("/api/v1/me/methods/sms/verify")
    void verifySms(@RequestBody CodeBody body, Authentication authentication, HttpServletRequest request) {
        registration.verifyCode(user(authentication), MethodType.SMS, body.code(), Callers.from(request));
    }

    @Operation(
            summary = "Start an authenticator",
            description =
                    "A new TOTP secret with its `otpauth://` URI and QR code; registered when a code from it is verified. Needs a step-up proof.")
    @ApiResponse(responseCode = "200", description = "The secret to add to the authenticator app.")
    @ApiResponse(responseCode = "403", description = "No or a wrong step-up proof (`step-up-required`).")
    @PostMapping("/api/v1/me/methods/totp")
    RegistrationService.TotpEnrollment startTotp(
            @Parameter(
                            description =
                                    "The step-up proof from `POST /api/v1/me/step-up/verifications`; without one the answer is 403 `step-up-required`.")
                    @RequestHeader(name = StepUpService.HEADER, required = false)
                    String proof,
            Authentication authentication) {
        return registration.startTotp(user(authentication), issuer, proof);
    }

    @Operation(
            summary = "Verify an authenticator code",
            description = "Registers the authenticator when `code` matches the secret.")
    @ApiResponse(responseCode = "200", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "A wrong code.")
    @PostMapping("/api/v1/me/methods/totp/verify")
    void verifyTotp(@RequestBody CodeBody body, Authentication authentication, HttpServletRequest request) {
        registration.verifyTotp(user(authentication), body.code(), Callers.from(request));
    }

    @Operation(
            summary = "Security questions to choose from",
            description = "How many questions to answer and the questions available, in the caller's language.")
    @ApiResponse(responseCode = "200", description = "The questions.")
    @GetMapping("/api/v1/me/questions")
    QuestionsView questions(Locale locale) {
        return new QuestionsView(policies.current().questionsToRegister(), registration.availableQuestions(locale));
    }

    @Operation(
            summary = "Set my security answers",
            description = "Replaces the user's answers (each question once). Needs a step-up proof.")
    @ApiResponse(responseCode = "200", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "Too few answers, a question twice, or an answer too short.")
    @ApiResponse(responseCode = "403", description = "No or a wrong step-up proof (`step-up-required`).")
    @PutMapping("/api/v1/me/methods/questions")
    void setQuestions(
            @RequestBody AnswersBody body,
            @Parameter(
                            description =
                                    "The step-up proof from `POST /api/v1/me/step-up/verifications`; without one the answer is 403 `step-up-required`.")
                    @RequestHeader(name = StepUpService.HEADER, required = false)
                    String proof,
            Authentication authentication,
            HttpServletRequest request) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (body.answers() != null) {
            for (AnswerBody answer : body.answers()) {
                if (answer.questionId() == null || answers.put(answer.questionId(), answer.answer()) != null) {
                    throw new InvalidInput(ProblemCode.ANSWERS_ONCE);
                }
            }
        }
        registration.setQuestions(user(authentication), answers, proof, Callers.from(request));
    }

    @Operation(summary = "Remove a method", description = "Removes the user's method of `type`. Needs a step-up proof.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "403", description = "No or a wrong step-up proof (`step-up-required`).")
    @DeleteMapping("/api/v1/me/methods/{type}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            @Parameter(description = "The method: email, sms, totp or questions.", example = "sms") @PathVariable
                    String type,
            @Parameter(
                            description =
                                    "The step-up proof from `POST /api/v1/me/step-up/verifications`; without one the answer is 403 `step-up-required`.")
                    @RequestHeader(name = StepUpService.HEADER, required = false)
                    String proof,
            Authentication authentication,
            HttpServletRequest request) {
        registration.delete(user(authentication), MethodType.of(type), proof, Callers.from(request));
    }

    /**
     * How the user can prove it is them before a change: the methods on file (with hints) to ask a
     * code from, or, when there are none, {@code password: true} (type the password again).
     */
    @Operation(
            summary = "Ways to step up",
            description =
                    "How the user can prove it is them before a change: the methods on file (with hints) to ask a code from, or, when there are none, `password: true` (type the password again).")
    @ApiResponse(responseCode = "200", description = "The ways.")
    @GetMapping("/api/v1/me/step-up")
    StepUpView stepUpWays(Authentication authentication) {
        List<UsableView> ways = stepUp.ways(user(authentication)).stream()
                .map(m -> new UsableView(m.id(), m.type().id(), m.hint()))
                .toList();
        return new StepUpView(ways, ways.isEmpty());
    }

    /** Sends a step-up code to the email or phone {@code methodId} (an authenticator needs nothing). */
    @Operation(
            summary = "Ask a step-up code",
            description = "Sends a step-up code to the email or phone `methodId` (an authenticator needs nothing).")
    @ApiResponse(responseCode = "202", description = "The code is on its way.")
    @PostMapping("/api/v1/me/step-up/challenges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void stepUpChallenge(@RequestBody StepUpChallengeBody body, Authentication authentication) {
        stepUp.challenge(user(authentication), body.methodId());
    }

    /**
     * Checks a code from {@code methodId}, or the {@code password} of a user with no method, and
     * answers with the proof to send in the {@value StepUpService#HEADER} header.
     */
    @Operation(
            summary = "Prove it is me",
            description =
                    "Checks a code from `methodId`, or the `password` of a user with no method, and answers with the proof to send in the `X-Step-Up` header.")
    @ApiResponse(responseCode = "200", description = "The proof and until when it holds.")
    @ApiResponse(responseCode = "400", description = "A wrong code or password.")
    @PostMapping("/api/v1/me/step-up/verifications")
    StepUpService.Proof stepUpVerify(
            @RequestBody StepUpVerifyBody body, Authentication authentication, HttpServletRequest request) {
        DirectoryUser user = user(authentication);
        return body.password() != null
                ? stepUp.proveWithPassword(user, body.password(), Callers.from(request))
                : stepUp.prove(user, body.methodId(), body.code(), Callers.from(request));
    }

    private DirectoryUser user(Authentication authentication) {
        return directory
                .findUser(authentication.getName())
                .orElseThrow(() -> Problems.of(ProblemCode.NOT_A_DIRECTORY_USER));
    }

    record AddressBody(@Schema(example = "jdoe@example.org") String address) {}

    record PhoneBody(@Schema(example = "+31612345678") String phone) {}

    record CodeBody(@Schema(example = "48213906") String code) {}

    record StepUpChallengeBody(String methodId) {}

    /** A {@code code} from {@code methodId}, or the {@code password} when the user has no method. */
    record StepUpVerifyBody(String methodId, String code, String password) {}

    /** {@code password}: the user has no method on file and proves it is them with their password. */
    record StepUpView(List<UsableView> methods, boolean password) {}

    record AnswerBody(String questionId, String answer) {}

    record AnswersBody(List<AnswerBody> answers) {}

    record UsableView(String id, String type, String hint) {}

    /**
     * {@code complete}: the user has the methods a reset needs; {@code registrationRequired}: the
     * policy asks this user (in its scope) to register, so the portal interrupts a sign-in while not
     * complete or while {@code reconfirmDue}: a registration is older than the policy's
     * {@link SsprPolicy#reconfirmDays()} and should be confirmed again ({@link SecurityInfoService}).
     */
    record MethodsView(
            int required,
            List<String> allowed,
            boolean complete,
            boolean registrationRequired,
            boolean reconfirmDue,
            List<UsableView> usable,
            List<RegistrationService.RegisteredView> registered) {}

    record QuestionsView(int toRegister, List<Question> questions) {}
}
