package org.opensspr.reset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.opensspr.policy.MethodType;

/**
 * Where a reset through the portal pages stands, kept in the HTTP session (never in a URL):
 * the flow id, the methods offered, the ones already passed, the step the user is on, and the
 * address or number the user typed for the current method (so "send a new code" needs no retyping).
 * Immutable; every step stores a new one.
 */
record ResetPageState(
        String flowId,
        List<Method> methods,
        List<String> verified,
        int remaining,
        Step step,
        String methodId,
        List<Asked> questions,
        String contact)
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
        return new ResetPageState(flowId, methods, verified, remaining, next, method, asked, null);
    }

    /** The code step after a code went to {@code typed}. */
    ResetPageState codeSentTo(String typed) {
        return new ResetPageState(flowId, methods, verified, remaining, Step.CODE, methodId, null, typed);
    }

    ResetPageState passed(int left) {
        List<String> done = new ArrayList<>(verified);
        done.add(methodId);
        return new ResetPageState(
                flowId, methods, done, left, left == 0 ? Step.PASSWORD : Step.CHOOSE, null, null, null);
    }

    ResetPageState done() {
        return new ResetPageState(null, List.of(), List.of(), 0, Step.DONE, null, null, null);
    }

    /**
     * How many steps the reset has: the user name, then choosing and passing each method the
     * flow requires, then the new password (4 for one method, 6 for two).
     */
    public int steps() {
        return steps(verified.size() + remaining);
    }

    static int steps(int methodsRequired) {
        return 2 + 2 * methodsRequired;
    }

    /** The number of this page's step, counted as {@link #steps()} counts. */
    public int stepNumber() {
        return switch (step) {
            case CHOOSE -> 2 + 2 * verified.size();
            case CONTACT, CODE, QUESTIONS -> 3 + 2 * verified.size();
            case PASSWORD, DONE -> steps();
        };
    }

    /** Whether a new code can be sent without retyping: a code method whose address was typed. */
    public boolean canResend() {
        return step == Step.CODE && contact != null;
    }

    /** Whether the user can go back and pick another method for this verification. */
    public boolean canSwitch() {
        return choices().size() > 1;
    }

    static boolean sendsCode(String type) {
        return MethodType.EMAIL.id().equals(type) || MethodType.SMS.id().equals(type);
    }
}
