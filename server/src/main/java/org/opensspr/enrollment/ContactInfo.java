package org.opensspr.enrollment;

import java.util.regex.Pattern;

/**
 * Authentication contact info pre-filled by an admin. Both fields are optional; an email must
 * look like one address, a phone must be in E.164 ({@code +} then 8-15 digits).
 */
public record ContactInfo(String email, String phone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public ContactInfo {
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s()-]", "");
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("email is not a valid address");
        }
        if (phone != null && !E164.matcher(phone).matches()) {
            throw new IllegalArgumentException("phone must be in E.164 form, for example +31612345678");
        }
    }
}
