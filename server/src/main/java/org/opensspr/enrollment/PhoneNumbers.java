package org.opensspr.enrollment;

import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.MOBILE;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/** Phone numbers in E.164, checked with libphonenumber (the number must be valid for its country, not just look like one). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** Whether libphonenumber knows the numbering plan of {@code region} (an ISO 3166 code). */
    public static boolean isKnownRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /** The region (ISO 3166) most of these E.164 numbers belong to; empty when none is a valid number. */
    public static Optional<String> commonestRegion(List<String> numbers) {
        Map<String, Integer> counts = new HashMap<>();
        for (String number : numbers) {
            try {
                String region = UTIL.getRegionCodeForNumber(UTIL.parse(number, "ZZ"));
                if (region != null && isKnownRegion(region)) {
                    counts.merge(region, 1, Integer::sum);
                }
            } catch (NumberParseException e) {
                // not a number: it does not count
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /**
     * A valid-looking mobile number of {@code region} in E.164 form, with the last two digits taken
     * from {@code salt}: as long as a real mobile number of that country, so that its {@link
     * Hints#phone hint} has the same shape. Without a region (or for one without an example), a
     * Dutch mobile number.
     */
    public static String plausibleMobile(String region, int salt) {
        Phonenumber.PhoneNumber example = region == null ? null : UTIL.getExampleNumberForType(region, MOBILE);
        if (example == null && region != null) {
            example = UTIL.getExampleNumber(region);
        }
        if (example == null) {
            example = UTIL.getExampleNumberForType("NL", MOBILE);
        }
        String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
        return e164.substring(0, e164.length() - 2) + String.format(Locale.ROOT, "%02d", Math.floorMod(salt, 100));
    }

    /**
     * The number in E.164 form ({@code +31612345678}). Without a leading {@code +} the number is
     * read as a national number of {@code defaultRegion} (ISO 3166 code; null means a {@code +}
     * is required).
     *
     * @throws InvalidInput (an {@link IllegalArgumentException}) with a text for the user when the number is not valid
     */
    public static String toE164(String input, String defaultRegion) {
        if (input == null || input.isBlank()) {
            throw new InvalidInput(ProblemCode.PHONE_REQUIRED);
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(input.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidInput(ProblemCode.PHONE_INVALID, input.strip());
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidInput(ProblemCode.PHONE_UNREADABLE, input.strip());
        }
    }
}
