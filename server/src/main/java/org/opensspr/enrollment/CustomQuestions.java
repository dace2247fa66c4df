package org.opensspr.enrollment;

import org.opensspr.secrets.Digests;

/** Ids of the admin's custom questions: stable while the text is unchanged, distinct from the catalog's {@code qNN}. */
public final class CustomQuestions {

    private CustomQuestions() {}

    public static String idOf(String text) {
        return "c" + Digests.sha256(text.strip()).substring(0, 10);
    }
}
