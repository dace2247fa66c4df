package org.opensspr.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Refuses to start on an {@code sspr.*} setting that no code reads, from any property source
 * (command line, system property, {@code SSPR_...} environment variable, {@code application.properties}):
 * a mistyped {@code sspr.directory.ulr} would otherwise be ignored and the demo directory serve.
 * The known settings come from the application's own bean classes ({@link KnownSettings}), read
 * after the bean definitions are known and before any bean is created, so nothing has touched the
 * data dir yet.
 *
 * <p>Environment variables that start with {@code SSPR_} but are not settings (the launcher's, the
 * agent's, the test suite's) are listed in {@link #NOT_SETTINGS}.
 */
final class UnknownSettingsCheck implements BeanFactoryPostProcessor {

    /** {@code SSPR_} environment variables of the launcher, the agent, the bench and the tests: not settings. */
    static final Set<String> NOT_SETTINGS = Set.of(
            "SSPR_JAVA_OPTS",
            "SSPR_CACHE_DIR",
            "SSPR_NO_CACHE",
            "SSPR_AGENT_JAVA_OPTS",
            "SSPR_JOIN_TOKEN",
            "SSPR_JAR",
            "SSPR_TEST_PG");

    private final ConfigurableEnvironment environment;

    UnknownSettingsCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            String className = definition.getBeanClassName();
            if (className != null && className.startsWith("org.opensspr.")) {
                try {
                    classes.add(
                            ClassUtils.getUserClass(ClassUtils.forName(className, beanFactory.getBeanClassLoader())));
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here: Spring reports it when it creates the bean
                }
            }
        }
        List<String> unknown = unknown(environment, KnownSettings.of(classes));
        if (!unknown.isEmpty()) {
            throw new StartRefusedException(
                    String.join("; ", unknown),
                    "Correct or remove " + (unknown.size() == 1 ? "it" : "them")
                            + "; README.md (Configuration) lists every setting.");
        }
    }

    /** One line for each {@code sspr.*} name in {@code environment} that {@code known} does not know. */
    static List<String> unknown(ConfigurableEnvironment environment, KnownSettings known) {
        List<String> unknown = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            for (String name : enumerable.getPropertyNames()) {
                boolean ours = name.regionMatches(true, 0, variables ? "SSPR_" : "sspr.", 0, 5);
                if (!ours || variables && NOT_SETTINGS.contains(name.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                if (variables ? known.knowsVariable(name) : known.knows(name)) {
                    continue;
                }
                unknown.add(name + " (" + describe(source) + "): unknown setting"
                        + known.nearest(name)
                                .map(near -> "; did you mean " + near + "?")
                                .orElse(""));
            }
        }
        return unknown;
    }

    private static String describe(PropertySource<?> source) {
        return switch (source.getName()) {
            case "commandLineArgs" -> "command line";
            case "systemProperties" -> "system property";
            case "systemEnvironment" -> "environment variable";
            default -> source.getName();
        };
    }
}
