package org.opensspr.devices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration a device gets: the merge of the profiles assigned to its groups. The rule is
 * predictable: profiles are taken in name order (case-insensitive, so name them {@code 10-base},
 * {@code 20-lab} to rank them) and for each OMA-URI the first profile that sets it wins. Where a
 * later profile sets the same URI to another value or type, that is a {@link Conflict}: reported,
 * never applied.
 */
public record EffectiveConfiguration(List<AppliedSetting> settings, List<Conflict> conflicts) {

    static final Comparator<ConfigurationProfile> ORDER = Comparator.comparing(
                    (ConfigurationProfile p) -> p.name().toLowerCase(Locale.ROOT))
            .thenComparing(ConfigurationProfile::name);

    public EffectiveConfiguration {
        settings = List.copyOf(settings);
        conflicts = List.copyOf(conflicts);
    }

    /** Merges {@code profiles} (any order; each once) by the rule above. */
    public static EffectiveConfiguration merge(List<ConfigurationProfile> profiles) {
        Map<String, AppliedSetting> applied = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        profiles.stream().sorted(ORDER).forEach(profile -> {
            for (Setting setting : profile.settings()) {
                AppliedSetting winner = applied.get(setting.key());
                if (winner == null) {
                    applied.put(
                            setting.key(),
                            new AppliedSetting(
                                    setting.omaUri(), setting.dataType().id(), setting.value(), profile.name()));
                } else if (!winner.dataType().equals(setting.dataType().id())
                        || !Objects.equals(winner.value(), setting.value())) {
                    conflicts.add(new Conflict(
                            winner.omaUri(), winner.profile(), winner.value(), profile.name(), setting.value()));
                }
            }
        });
        return new EffectiveConfiguration(List.copyOf(applied.values()), conflicts);
    }

    /** The value of {@code omaUri} (either form, any case), or null when no profile sets it. */
    public Object value(String omaUri) {
        String key = org.opensspr.readiness.OmaUris.key(omaUri);
        return settings.stream()
                .filter(s -> org.opensspr.readiness.OmaUris.key(s.omaUri()).equals(key))
                .map(AppliedSetting::value)
                .findFirst()
                .orElse(null);
    }

    /** The settings by URI, as the readiness rules read them. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        settings.forEach(s -> map.put(s.omaUri(), s.value()));
        return map;
    }

    /** A setting in effect, and the profile it came from. */
    public record AppliedSetting(String omaUri, String dataType, Object value, String profile) {}

    /** {@code profile} won {@code omaUri} with {@code value}; {@code overriddenProfile}'s {@code overriddenValue} was not applied. */
    public record Conflict(
            String omaUri, String profile, Object value, String overriddenProfile, Object overriddenValue) {}
}
