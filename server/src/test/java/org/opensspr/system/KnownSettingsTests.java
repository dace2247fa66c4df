package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensspr.directory.DirectoryProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.scheduling.annotation.Scheduled;

class KnownSettingsTests {

    @ConfigurationProperties("sspr.sample")
    record Sample(URI url, Map<String, String> headers, List<String> loginAttributes, Nested nested, Duration timeout) {
        record Nested(Integer port) {}
    }

    static final class ReadsAValue {
        ReadsAValue(@Value("${sspr.admin-group:sspr-admins}") String group) {}

        @Scheduled(fixedDelayString = "${sspr.sample.sweep-millis:60000}")
        void sweep() {}
    }

    private final KnownSettings known = KnownSettings.of(List.of(Sample.class, ReadsAValue.class));

    @Test
    void theSettingsAreTheComponentsOfConfigurationPropertiesAndThePlaceholdersInAnnotations() {
        assertThat(known.names())
                .containsExactlyInAnyOrder(
                        "sspr.sample.url",
                        "sspr.sample.login-attributes",
                        "sspr.sample.nested",
                        "sspr.sample.nested.port",
                        "sspr.sample.timeout",
                        "sspr.sample.sweep-millis",
                        "sspr.admin-group");
    }

    @Test
    void namesAreComparedAsRelaxedBindingDoesWithMapKeysAndListIndexes() {
        assertThat(List.of(
                        "sspr.sample.url",
                        "sspr.sample.loginAttributes",
                        "sspr.sample.login_attributes",
                        "sspr.sample.login-attributes[0]",
                        "sspr.sample.headers.Authorization",
                        "sspr.sample.headers[X-Api-Key]",
                        "sspr.sample.nested.port",
                        "sspr.admin-group"))
                .allMatch(known::knows);
        assertThat(List.of("sspr.sample.ulr", "sspr.sample.url.host", "sspr.sample.nested.host", "sspr.admin-groups"))
                .noneMatch(known::knows);
    }

    @Test
    void environmentVariablesAreComparedAsSpringMapsThem() {
        assertThat(List.of(
                        "SSPR_SAMPLE_URL",
                        "SSPR_SAMPLE_LOGINATTRIBUTES",
                        "SSPR_SAMPLE_LOGIN_ATTRIBUTES",
                        "SSPR_SAMPLE_LOGINATTRIBUTES_0",
                        "SSPR_SAMPLE_HEADERS_AUTHORIZATION",
                        "SSPR_ADMIN_GROUP"))
                .allMatch(known::knowsVariable);
        assertThat(List.of("SSPR_SAMPLE_ULR", "SSPR_SAMPLE_URLS", "SSPR_ADMIN")).noneMatch(known::knowsVariable);
    }

    @Test
    void aMistypedSettingIsMatchedToTheNearestKnownOneOnlyWhenItIsClose() {
        assertThat(known.nearest("sspr.sample.ulr")).contains("sspr.sample.url");
        assertThat(known.nearest("SSPR_SAMPLE_ULR")).contains("sspr.sample.url");
        assertThat(known.nearest("sspr.admin-grup")).contains("sspr.admin-group");
        assertThat(known.nearest("sspr.something.else.entirely")).isEmpty();
    }

    @Test
    void unknownNamesAreReportedFromEveryPropertySourceButNotTheLaunchersVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "commandLineArgs",
                        Map.of("sspr.sample.ulr", "ldap://x", "sspr.sample.url", "ldap://y", "server.port", "1")));
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SSPR_SAMPLE_TIMEOUT", "5s", "SSPR_JAVA_OPTS", "-Xmx1g", "SSPR_ADMIN_GRUP", "x")));

        assertThat(UnknownSettingsCheck.unknown(environment, known))
                .containsExactlyInAnyOrder(
                        "sspr.sample.ulr (command line): unknown setting; did you mean sspr.sample.url?",
                        "SSPR_ADMIN_GRUP (environment variable): unknown setting; did you mean sspr.admin-group?");
    }

    @Test
    void theDirectorySettingsIncludeTheNestedEmbeddedOnes() {
        KnownSettings directory = KnownSettings.of(List.of(DirectoryProperties.class));
        assertThat(directory.names())
                .contains("sspr.directory.url", "sspr.directory.embedded.port", "sspr.directory.embedded.seed");
        assertThat(directory.knows("sspr.directory.ulr")).isFalse();
        assertThat(directory.nearest("sspr.directory.ulr")).contains("sspr.directory.url");
    }

    @Test
    void everySsprVariableTheLauncherReadsIsNotTakenForASetting() throws Exception {
        String launcher = Files.readString(Path.of("src/main/dist/sspr-server"), StandardCharsets.UTF_8);
        Matcher variable = Pattern.compile("SSPR_[A-Z_]+").matcher(launcher);
        List<String> variables = new ArrayList<>();
        while (variable.find()) {
            variables.add(variable.group());
        }
        assertThat(variables).isNotEmpty().allMatch(UnknownSettingsCheck.NOT_SETTINGS::contains);
    }
}
