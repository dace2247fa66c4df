package org.opensspr.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem thrown by its {@link ProblemCode} and arguments, without any text: the web layer
 * renders the title and detail from the message bundles in the caller's language ({@link
 * #render}; {@code ProblemAdvice} does the same through Spring's {@code ResponseEntityExceptionHandler}).
 * An argument may be a {@link MessageSourceResolvable} (rendered in the same language) or a list,
 * whose elements are rendered and joined with a space. Until rendered, the body has the type and
 * status but no title or detail, so a log line names the code, never a text.
 */
public class CodedProblem extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;

    public CodedProblem(ProblemCode code, Throwable cause, Object... args) {
        super(code.status(), body(code), cause, code.detailKey(), args.length == 0 ? null : args.clone());
        this.code = code;
    }

    private static ProblemDetail body(ProblemCode code) {
        ProblemDetail body = ProblemDetail.forStatus(code.status());
        body.setType(code.typeUri());
        return body;
    }

    public ProblemCode code() {
        return code;
    }

    @Override
    public String getTitleMessageCode() {
        return code.titleKey();
    }

    @Override
    public Object[] getDetailMessageArguments(MessageSource messageSource, Locale locale) {
        Object[] args = getDetailMessageArguments();
        if (args == null) {
            return null;
        }
        Object[] rendered = args.clone();
        for (int i = 0; i < rendered.length; i++) {
            if (rendered[i] instanceof List<?> parts) {
                List<String> texts = new ArrayList<>(parts.size());
                for (Object part : parts) {
                    texts.add(
                            part instanceof MessageSourceResolvable text
                                    ? messageSource.getMessage(text, locale)
                                    : String.valueOf(part));
                }
                rendered[i] = String.join(" ", texts);
            }
        }
        return rendered;
    }

    /** The body with its title and detail in {@code locale}; renders again on every call. */
    public ProblemDetail render(MessageSource messages, Locale locale) {
        return updateAndGetBody(messages, locale);
    }
}
