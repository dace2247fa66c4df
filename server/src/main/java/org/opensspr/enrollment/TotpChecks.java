package org.opensspr.enrollment;

import java.util.OptionalLong;
import org.opensspr.policy.MethodType;
import org.opensspr.secrets.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Authenticator codes in a reset: the code must match the user's secret within one step of
 * drift and be for a later step than the last one accepted, so each code works once, even when
 * two requests race (the step moves forward with a conditional update).
 */
@Component
public class TotpChecks {

    static final String PURPOSE = "totp-secret";

    private final JdbcRegistrationRepository registrations;
    private final SecretBox box;
    private final Totp totp;

    TotpChecks(JdbcRegistrationRepository registrations, SecretBox box, Totp totp) {
        this.registrations = registrations;
        this.box = box;
        this.totp = totp;
    }

    public boolean matches(String login, String code) {
        return registrations
                .method(login, MethodType.TOTP)
                .map(method -> {
                    OptionalLong step =
                            totp.verify(Base32.decode(box.open(method.value(), PURPOSE)), code, method.lastStep());
                    return step.isPresent() && registrations.advanceTotpStep(login, step.getAsLong());
                })
                .orElse(false);
    }
}
