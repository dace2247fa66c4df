package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A support code is for what the user cannot fix alone; a typo or an empty field gets none. */
class PageErrorsTests {

    @Test
    void badInputOrARefusedNewPasswordIsACorrectionWithoutASupportCode() {
        assertThat(PageErrors.isCorrection(new IllegalArgumentException("Enter a phone number")))
                .isTrue();
        assertThat(PageErrors.isCorrection(new ErrorResponseException(HttpStatus.BAD_REQUEST)))
                .isTrue();
        assertThat(PageErrors.isCorrection(new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT)))
                .isTrue();
    }

    @Test
    void aRefusalABlockOrAFailureKeepsItsSupportCode() {
        assertThat(PageErrors.isCorrection(new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS)))
                .isFalse();
        assertThat(PageErrors.isCorrection(new ErrorResponseException(HttpStatus.FORBIDDEN)))
                .isFalse();
        assertThat(PageErrors.isCorrection(new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE)))
                .isFalse();
        assertThat(PageErrors.isCorrection(new IllegalStateException("a bug"))).isFalse();
    }
}
