package org.opensspr.reset;

import java.util.List;
import java.util.Locale;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.passwordpolicy.PasswordAssessment;
import org.opensspr.passwordpolicy.PasswordPolicy;
import org.opensspr.passwordpolicy.Violation;
import org.opensspr.secrets.Digests;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The strength meter's question "what would the server say to this password?", answered by the
 * server's own evaluator ({@link PasswordPolicy#assess}: the user's own names, the banned terms, the
 * breached corpus, the history when the policy keeps one), so the meter shows exactly the violations,
 * in the request's language and with the same codes, that the password step would report.
 *
 * <p>Only for a reset flow at its password step ({@link ResetFlowService#atPasswordStep}: verified,
 * so never a decoy) or a signed-in user; anything else is answered {@code 404 flow-not-found}, as an
 * unknown or expired flow, so the check tells nobody which logins or flows exist. Each check spends
 * one of the flow's or the user's budget ({@link PasswordCheckBudget}). Nothing about the password is
 * logged, audited or stored, and a check is no attempt: it counts toward no failure, lock or block.
 */
@Service
class PasswordChecks {

    private final ResetFlowService flows;
    private final Directory directory;
    private final PasswordPolicy policy;
    private final PasswordCheckBudget budget;

    PasswordChecks(ResetFlowService flows, Directory directory, PasswordPolicy policy, PasswordCheckBudget budget) {
        this.flows = flows;
        this.directory = directory;
        this.policy = policy;
        this.budget = budget;
    }

    /**
     * Checks {@code password} for the user of the reset flow {@code flowId}.
     *
     * @throws ErrorResponseException {@code 404 flow-not-found} unless the flow is at its password step,
     *     {@code 429 too-many-requests} when its budget is spent
     */
    Answer forFlow(String flowId, String password, Locale locale) {
        ResetFlow flow = flows.atPasswordStep(flowId).orElseThrow(FlowProblems::flowNotFound);
        budget.spend("password-check:flow:" + flow.idHash());
        return Answer.of(policy.assess(password, flows.target(flow), locale));
    }

    /**
     * Checks {@code password} for the signed-in user {@code login}; the budget is the user's,
     * whichever of their sessions asks.
     *
     * @throws ErrorResponseException {@code 404 flow-not-found} when the directory no longer has the user,
     *     {@code 429 too-many-requests} when the budget is spent
     */
    Answer forUser(String login, String password, Locale locale) {
        budget.spend("password-check:user:" + Digests.sha256(login.strip().toLowerCase(Locale.ROOT)));
        DirectoryUser user = directory.findUser(login).orElseThrow(FlowProblems::flowNotFound);
        return Answer.of(policy.assess(password, user, locale));
    }

    /**
     * What a check answers: whether the password step would accept the password, its {@code violations}
     * ({@code code} and {@code message}, as in a {@code 422 password-rejected}) and the meter's
     * {@code strength}, 0 (empty) to 4 (strong), at most 1 while there is a violation.
     */
    record Answer(boolean accepted, List<Violation> violations, int strength) {

        static Answer of(PasswordAssessment assessment) {
            return new Answer(assessment.accepted(), assessment.violations(), assessment.strength());
        }
    }
}
