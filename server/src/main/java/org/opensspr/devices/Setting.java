package org.opensspr.devices;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opensspr.readiness.OmaUris;

/**
 * One OMA-URI setting, valid once constructed: the URI in its canonical form ({@code ./Device/}
 * dropped, see {@link OmaUris}), a data type and a value of that type (Long, String or Boolean).
 */
public record Setting(String omaUri, DataType dataType, Object value) {

    private static final Pattern URI = Pattern.compile("\\./[A-Za-z0-9._~%/-]{1,500}");

    public Setting {
        Objects.requireNonNull(dataType, "dataType cannot be null");
        if (omaUri == null || !URI.matcher(omaUri.strip()).matches()) {
            throw new IllegalArgumentException("omaUri must be an OMA-URI starting with ./, not '" + omaUri + "'");
        }
        omaUri = OmaUris.normalize(omaUri);
        value = dataType.coerce(value, omaUri);
    }

    /** A setting as an admin or a stored profile wrote it: {@code dataType} as text. */
    public static Setting of(String omaUri, String dataType, Object value) {
        return new Setting(omaUri, DataType.of(dataType), value);
    }

    /** The key that makes the two forms of a URI, in any case, one setting. */
    String key() {
        return OmaUris.key(omaUri);
    }
}
