package org.opensspr.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The stored documents under {@code src/test/resources/settings} (see its README) and a reader for them. */
public final class SettingsFixtures {

    private SettingsFixtures() {}

    /** A reader with a mapper as strict as the application's (unknown fields refused), so nothing relies on leniency. */
    public static SettingsDocuments documents() {
        return new SettingsDocuments(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    public static String fixture(String file) {
        try (InputStream in = SettingsFixtures.class.getResourceAsStream("/settings/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture settings/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema version a fixture's name gives ({@code sspr-policy-v2-newer.json}: 2). */
    public static int version(String file) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("-v(\\d+)-").matcher(file);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no version in " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The value of a fixture, read as a row with its version would be. */
    public static <T> T read(StoredSetting<T> setting, String file) {
        return documents().read(setting, fixture(file), version(file) == 1 ? null : version(file));
    }
}
