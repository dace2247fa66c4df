package org.opensspr.agent.logon;

import java.util.Arrays;
import java.util.List;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentException.Problem;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.server.ResetFlowClient;
import org.opensspr.agent.server.ResetFlowClient.Check;
import org.opensspr.agent.server.ResetFlowClient.Flow;

/**
 * The dialogue's last step: the server's password rules, the new password read without echo,
 * checked by the server before it is typed again, then set. Every char array holding a password is
 * wiped when it is no longer needed; nothing here prints or logs one.
 */
final class PasswordStep {

    private final ResetFlowClient client;
    private final Prompts prompts;

    PasswordStep(ResetFlowClient client, Prompts prompts) {
        this.client = client;
        this.prompts = prompts;
    }

    /** Asks for the new password until the server sets it; returns {@link ExitCode#OK} then. */
    ExitCode choose(Flow flow) {
        String flowId = flow.flowId();
        if (flow.passwordRules().isEmpty()) {
            // A server that sends no rules: what every policy asks, and no length of our own (the server's decides).
            prompts.println("Choose a new password. It must:");
            prompts.println("  - be long enough (a phrase of a few words is easy to remember)");
            prompts.println("  - not contain your name, your user name or the organisation's name");
            prompts.println("  - not be a common or breached password, nor one of your recent passwords");
        } else {
            prompts.println("Choose a new password. The rules of the reset service:");
            flow.passwordRules().forEach(rule -> prompts.println("  - " + rule));
            prompts.println("A phrase of a few words is easy to remember.");
        }
        prompts.println("The reset service checks it when you press Enter; nothing you type is shown.");
        while (true) {
            char[] first = prompts.secret("New password: ");
            char[] second = null;
            try {
                if (first.length == 0) {
                    prompts.println("The password cannot be empty.");
                    continue;
                }
                List<String> refused = refusedBeforeConfirming(flowId, first);
                if (!refused.isEmpty()) {
                    rejected(refused);
                    continue;
                }
                second = prompts.secret("Type it again: ");
                if (!Arrays.equals(first, second)) {
                    prompts.println("The two passwords are not the same. Try again.");
                    continue;
                }
                client.setPassword(flowId, first);
                prompts.println(LogonDialogue.SUCCESS);
                return ExitCode.OK;
            } catch (AgentException e) {
                Problem problem = e.problem().orElseThrow(() -> e);
                if (problem.status() == 422 && !problem.violations().isEmpty()) {
                    rejected(problem.violations());
                } else if (problem.status() == 503 || problem.status() == 422) {
                    prompts.showProblem(e, problem);
                    prompts.println("Nothing was changed. Type the password again to retry.");
                } else {
                    throw e;
                }
            } finally {
                Arrays.fill(first, '\0');
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }

    /**
     * The server's verdict on the password before the user types it again: its violations, or none
     * when it accepts it or gives no verdict (a server without the check, a spent budget), in which case
     * the password step decides as before.
     */
    private List<String> refusedBeforeConfirming(String flowId, char[] password) {
        try {
            Check check = client.checkPassword(flowId, password);
            return check.accepted() ? List.of() : check.violations();
        } catch (AgentException e) {
            return List.of();
        }
    }

    private void rejected(List<String> violations) {
        prompts.println("The password was not accepted:");
        violations.forEach(v -> prompts.println("  - " + v));
        prompts.println("Choose another one.");
    }
}
