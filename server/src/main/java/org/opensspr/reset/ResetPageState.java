package org.opensspr.reset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.opensspr.policy.MethodType;

/**
 * Where a reset through the portal pages stands, kept in the HTTP session (never in a URL):
 * the flow id, the methods offered, the ones already passed, and the step the user is on.
 * Immutable; every step stores a new one.
 */
record ResetPageState(
        String flowId,
        List<Method> methods,
        List<String> verified,
        int remaining,
        Step step,
        String methodId,
        List<Asked> questions)
        implements Serializable {

    static final String SESSION_KEY = ResetPageState.class.getName();

    enum Step {
        CHOOSE,
        CONTACT,
        CODE,
        QUESTIONS,
        PASSWORD,
        DONE
    }

    /** A method as the page offers it; {@code type} is the method type's id. */
    record Method(String id, String type, String hint) implements Serializable {}

    /** A security question as asked in this flow. */
    record Asked(String id, String text) implements Serializable {}

    ResetPageState {
        methods = List.copyOf(methods);
        verified = List.copyOf(verified);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    static ResetPageState started(ResetFlowService.StartedFlow flow) {
        return new ResetPageState(
                flow.flowId(),
                flow.methods().stream()
                        .map(m -> new Method(m.id(), m.type().id(), m.hint()))
                        .toList(),
                List.of(),
                flow.required(),
                Step.CHOOSE,
                null,
                null);
    }

    /** The methods not passed yet, which the user can still choose from. */
    public List<Method> choices() {
        return methods.stream().filter(m -> !verified.contains(m.id())).toList();
    }

    public Method method() {
        return methods.stream().filter(m -> m.id().equals(methodId)).findFirst().orElse(null);
    }

    boolean offers(String id) {
        return choices().stream().anyMatch(m -> m.id().equals(id));
    }

    ResetPageState at(Step next, String method, List<Asked> asked) {
        return new ResetPageState(flowId, methods, verified, remaining, next, method, asked);
    }

    ResetPageState passed(int left) {
        List<String> done = new ArrayList<>(verified);
        done.add(methodId);
        return new ResetPageState(flowId, methods, done, left, left == 0 ? Step.PASSWORD : Step.CHOOSE, null, null);
    }

    ResetPageState done() {
        return new ResetPageState(null, List.of(), List.of(), 0, Step.DONE, null, null);
    }

    static boolean sendsCode(String type) {
        return MethodType.EMAIL.id().equals(type) || MethodType.SMS.id().equals(type);
    }
}
