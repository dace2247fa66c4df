package org.opensspr.enrollment;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.phone.*}. {@code defaultRegion} (ISO 3166 code such as {@code NL}; null when unset)
 * is the country of a number written without {@code +} (typed at registration or at a reset, or in
 * the directory's {@code mobile}), and the country whose numbers a decoy
 * flow's SMS hint looks like, so that a made-up hint has the length of a real one.
 */
@ConfigurationProperties("sspr.phone")
public record PhoneProperties(String defaultRegion) {

    public PhoneProperties {
        defaultRegion = defaultRegion == null || defaultRegion.isBlank()
                ? null
                : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (defaultRegion != null && !PhoneNumbers.isKnownRegion(defaultRegion)) {
            throw new IllegalArgumentException("sspr.phone.default-region must be an ISO 3166 country code with"
                    + " phone numbers (for example NL), got '" + defaultRegion + "'");
        }
    }
}
