package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensspr.directory.DirectoryRejectedPasswordException;
import org.opensspr.directory.DirectoryRejectedPasswordException.Reason;
import org.opensspr.passwordpolicy.Violation;

class DirectoryRefusalsTests {

    private static Violation violation(Reason reason, Locale locale) {
        return DirectoryRefusals.violation(
                new DirectoryRejectedPasswordException(reason, "the directory's words"), locale);
    }

    @Test
    void violationWhenEachReasonThenItsCode() {
        assertThat(violation(Reason.TOO_SHORT, Locale.ENGLISH).code()).isEqualTo("password-too-short");
        assertThat(violation(Reason.IN_HISTORY, Locale.ENGLISH).code()).isEqualTo("password-reused");
        assertThat(violation(Reason.TOO_YOUNG, Locale.ENGLISH).code()).isEqualTo("password-too-young");
        assertThat(violation(Reason.QUALITY, Locale.ENGLISH).code()).isEqualTo("password-directory-policy");
        assertThat(violation(Reason.OTHER, Locale.ENGLISH).code()).isEqualTo("directory-rejected");
    }

    @Test
    void violationWhenTooShortThenTheMessageSaysWhatToDo() {
        assertThat(violation(Reason.TOO_SHORT, Locale.ENGLISH).message()).contains("longer password");
        assertThat(violation(Reason.TOO_SHORT, Locale.forLanguageTag("nl")).message())
                .contains("langer wachtwoord");
    }

    @Test
    void violationWhenOtherThenTheDirectorysOwnWordsAreShown() {
        assertThat(violation(Reason.OTHER, Locale.ENGLISH).message()).endsWith("the directory's words");
    }
}
