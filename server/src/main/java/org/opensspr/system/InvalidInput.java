package org.opensspr.system;

import java.util.Arrays;

/**
 * Input the user corrects alone (an empty field, a number that is no phone number), thrown by its
 * {@link ProblemCode} (a {@code 400 invalid-request} variant) and arguments. It stays an {@link
 * IllegalArgumentException}, what a record's own check throws, so code that catches one still does;
 * the web layer answers {@link #problem()}, in the caller's language. The message, for logs, is the
 * text's key, never the user's input.
 */
public class InvalidInput extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final transient Object[] args;

    public InvalidInput(ProblemCode code, Object... args) {
        super(code.detailKey());
        if (code.status().value() != 400) {
            throw new IllegalArgumentException(code + " is no 400 problem");
        }
        this.code = code;
        this.args = args.clone();
    }

    public ProblemCode code() {
        return code;
    }

    /** The problem to answer with; its title and detail are rendered from the bundles. */
    public CodedProblem problem() {
        return new CodedProblem(code, this, Arrays.copyOf(args, args.length));
    }
}
