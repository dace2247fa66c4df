package org.opensspr.enrollment;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers in E.164, checked with libphonenumber (the number must be valid for its country, not just look like one). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /**
     * The number in E.164 form ({@code +31612345678}). Without a leading {@code +} the number is
     * read as a national number of {@code defaultRegion} (ISO 3166 code; null means a {@code +}
     * is required).
     *
     * @throws IllegalArgumentException with a message for the user when the number is not valid
     */
    public static String toE164(String input, String defaultRegion) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Enter a phone number, for example +31612345678.");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(input.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + input.strip() + "' is not a valid phone number.");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + input.strip()
                    + "' is not a phone number; use the international form, " + "for example +31612345678.");
        }
    }
}
