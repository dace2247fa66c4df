package org.opensspr.enrollment;

import java.util.regex.Pattern;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/**
 * Authentication contact info pre-filled by an admin. Both fields are optional; an email must
 * look like one address, a phone must be a valid number in
 * international form (it is stored in E.164).
 */
public record ContactInfo(String email, String phone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public ContactInfo {
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : PhoneNumbers.toE164(phone, null);
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInput(ProblemCode.EMAIL_INVALID);
        }
    }
}
