package org.opensspr.agent.logon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentException.Problem;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.server.ResetFlowClient;
import org.opensspr.agent.server.ResetFlowClient.Answer;
import org.opensspr.agent.server.ResetFlowClient.Flow;
import org.opensspr.agent.server.ResetFlowClient.Method;
import org.opensspr.agent.server.ResetFlowClient.Question;

/**
 * The reset dialogue of the sign-in screen: the login, the verification gates, the new password
 * (read without echo, sent once per attempt, wiped from memory afterwards, never shown or logged),
 * and the result. Every refusal from the server shows its {@code detail} and a support hint;
 * what is meant for admins (a refused device credential, the profile that does not enable reset)
 * is logged, and the person at the screen is told in plain words that reset is not available here.
 */
public final class LogonDialogue {

    public static final String MENU = "Forgot password? / Reset password";
    public static final String SUCCESS = "Your password was reset. You can sign in with it now.";
    public static final String UNLOCKED = "Your account was unlocked. You can sign in with your current password now.";
    public static final String CANCELLED = "Reset cancelled.";
    public static final String NOT_ENABLED =
            "Password reset from the sign-in screen is not enabled on this computer. Ask your helpdesk.";

    private final ResetFlowClient client;
    private final SessionSource sessions;
    private final LogonTerminal terminal;
    private final Prompts prompts;
    private final boolean offerUnlock;
    private volatile boolean finished;

    /**
     * @param client      the server the flow runs on
     * @param sessions    where the logon session comes from (the device credential, or the broker)
     * @param terminal    where the person at the sign-in screen reads and types
     * @param offerUnlock whether to offer unlocking without a new password
     */
    public LogonDialogue(ResetFlowClient client, SessionSource sessions, LogonTerminal terminal, boolean offerUnlock) {
        this.client = client;
        this.sessions = sessions;
        this.terminal = terminal;
        this.prompts = new Prompts(terminal);
        this.offerUnlock = offerUnlock;
    }

    /** Runs the dialogue to its end; returns how the command ends. */
    public ExitCode run() {
        try {
            return dialogue();
        } catch (Prompts.EndOfInput e) {
            terminal.println("");
            terminal.println(CANCELLED);
            return ExitCode.NOT_DONE;
        } catch (AgentException e) {
            return ended(e);
        } finally {
            finished = true;
        }
    }

    /** True once {@link #run} has returned: a Ctrl+C after that cancels nothing. */
    public boolean finished() {
        return finished;
    }

    /** What a failure that ends the dialogue shows, and the exit code it ends with. */
    private ExitCode ended(AgentException e) {
        AgentLog.LOG.fine(() -> "logon: " + e.getMessage());
        Problem problem = e.problem().orElse(null);
        if (problem == null) {
            terminal.println(e.userMessage());
            return e.exitCode();
        }
        if (problem.type().equals("logon-reset-not-enabled")) {
            // The server's detail names the OMA-URI setting: for admins. The user gets plain words and the code.
            terminal.println(NOT_ENABLED);
            terminal.println(Prompts.hint(problem));
            return ExitCode.NOT_ENABLED;
        }
        terminal.println(e.userMessage());
        terminal.println(Prompts.hint(problem));
        return problem.status() == 401 ? ExitCode.SERVER : ExitCode.NOT_DONE;
    }

    private ExitCode dialogue() {
        terminal.println(MENU);
        String go = prompts.ask("Press Enter to reset your password, or type q to go back to sign-in: ");
        if (go.strip().toLowerCase(Locale.ROOT).startsWith("q")) {
            terminal.println("Back to sign-in.");
            return ExitCode.NOT_DONE;
        }
        String sessionToken = sessions.sessionToken();
        String login = prompts.askNonEmpty("User name: ");
        Flow flow = client.startFlow(sessionToken, login.strip());
        List<Method> open = new ArrayList<>(flow.methods());
        int remaining = flow.required();
        while (remaining > 0) {
            if (open.isEmpty()) {
                terminal.println(
                        "This account has no way left to verify it here. Ask your helpdesk to reset your password.");
                return ExitCode.NOT_DONE;
            }
            terminal.println(
                    remaining == 1
                            ? "Verify your identity. Choose a method:"
                            : "Verify your identity: " + remaining + " methods are needed. Choose one:");
            for (int i = 0; i < open.size(); i++) {
                terminal.println("  " + (i + 1) + ") " + label(open.get(i)));
            }
            Method method = choose(open);
            Integer left = verify(flow.flowId(), method);
            if (left != null) {
                remaining = left;
                open.remove(method);
                terminal.println("Verified.");
            }
        }
        if (offerUnlock && unlockChosen(flow.flowId())) {
            return ExitCode.OK;
        }
        return new PasswordStep(client, prompts).choose(flow);
    }

    private static String label(Method method) {
        return switch (method.type()) {
            case "email" -> "Email a code to " + method.hint();
            case "sms" -> "Text a code to " + method.hint();
            case "totp" -> "Enter a code from my authenticator app";
            case "questions" -> "Answer my security questions";
            default -> method.type() + (method.hint().isEmpty() ? "" : " " + method.hint());
        };
    }

    private Method choose(List<Method> open) {
        while (true) {
            String answer = prompts.ask("Method [1-" + open.size() + "]: ").strip();
            if (open.size() == 1 && answer.isEmpty()) {
                return open.get(0);
            }
            try {
                int index = Integer.parseInt(answer);
                if (index >= 1 && index <= open.size()) {
                    return open.get(index - 1);
                }
            } catch (NumberFormatException e) {
                // fall through to the hint below
            }
            terminal.println("Type a number from 1 to " + open.size() + ".");
        }
    }

    /** Runs one method; returns the verifications still needed, or null when the user went back. */
    private Integer verify(String flowId, Method method) {
        return switch (method.type()) {
            case "email", "sms" -> sendAndVerifyCode(flowId, method);
            case "questions" -> answerQuestions(flowId, method);
            default -> verifyCode(flowId, method, "Code from your authenticator app (Enter to go back): ");
        };
    }

    private Integer sendAndVerifyCode(String flowId, Method method) {
        boolean email = method.type().equals("email");
        while (true) {
            String contact = prompts.ask((email ? "Type your full email address (" : "Type your full mobile number (")
                            + method.hint() + "), or Enter to go back: ")
                    .strip();
            if (contact.isEmpty()) {
                return null;
            }
            try {
                client.challenge(flowId, method.id(), contact);
                break;
            } catch (AgentException e) {
                recoverOrThrow(e);
            }
        }
        terminal.println(
                "If it matches what is on file, a code is on its way " + (email ? "by email." : "by text message."));
        return verifyCode(flowId, method, "Code (Enter to go back): ");
    }

    private Integer verifyCode(String flowId, Method method, String prompt) {
        while (true) {
            String code = prompts.ask(prompt).strip();
            if (code.isEmpty()) {
                return null;
            }
            try {
                return client.verifyCode(flowId, method.id(), code);
            } catch (AgentException e) {
                recoverOrThrow(e);
            }
        }
    }

    private Integer answerQuestions(String flowId, Method method) {
        while (true) {
            List<Question> questions = client.challenge(flowId, method.id(), null);
            terminal.println("Answer your security questions.");
            List<Answer> answers = new ArrayList<>();
            for (Question question : questions) {
                // An answer is a secret like a password: typed without echo, so nobody behind the user reads it.
                char[] answer = prompts.secretNonEmpty(question.text() + " ");
                answers.add(new Answer(question.id(), new String(answer)));
                Arrays.fill(answer, '\0');
            }
            try {
                return client.verifyAnswers(flowId, method.id(), answers);
            } catch (AgentException e) {
                recoverOrThrow(e);
                terminal.println("Here is a new set of questions.");
            }
        }
    }

    private boolean unlockChosen(String flowId) {
        terminal.println("What would you like to do?");
        terminal.println("  1) Choose a new password");
        terminal.println("  2) Unlock my account and keep my current password");
        if (!prompts.ask("Choice [1]: ").strip().equals("2")) {
            return false;
        }
        try {
            client.unlock(flowId);
            terminal.println(UNLOCKED);
            return true;
        } catch (AgentException e) {
            recoverOrThrow(e);
            return false;
        }
    }

    /** A 400 (wrong code, wrong address, ...) or a 403 unlock-not-allowed is shown and the step retried; anything else ends the dialogue. */
    private void recoverOrThrow(AgentException e) {
        Problem problem = e.problem().orElseThrow(() -> e);
        if (problem.status() != 400 && !problem.type().equals("unlock-not-allowed")) {
            throw e;
        }
        prompts.showProblem(e, problem);
    }
}
