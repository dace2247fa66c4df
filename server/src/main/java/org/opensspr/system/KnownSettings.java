package org.opensspr.system;

import java.beans.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The {@code sspr.*} settings the code reads, derived from the code itself so that the list cannot
 * fall behind it: every component of an {@code @ConfigurationProperties("sspr...")} record (nested
 * records expanded, any key under a {@code Map}, indexes of a list) and every {@code ${sspr...}}
 * placeholder in an annotation of the given classes, their constructors, methods, parameters and
 * fields ({@code @Value}, {@code @Scheduled(fixedDelayString = ...)}). Names are compared as Spring's
 * relaxed binding does ({@code sspr.directory.baseDn} and {@code sspr.directory.base_dn} are
 * {@code sspr.directory.base-dn}); environment variables as Spring maps them
 * ({@code SSPR_DATA_DIR} is {@code sspr.data-dir}).
 */
final class KnownSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*(sspr\\.[A-Za-z0-9._\\-\\[\\]]+)");
    private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*\\]");

    /** Canonical names of the settings (also the suggestions). */
    private final Set<String> names = new TreeSet<>();
    /** Canonical names under which any key is a setting (maps). */
    private final Set<String> maps = new TreeSet<>();

    private KnownSettings() {}

    /** The settings that {@code classes} read. */
    static KnownSettings of(Collection<Class<?>> classes) {
        KnownSettings known = new KnownSettings();
        for (Class<?> type : classes) {
            ConfigurationProperties properties =
                    AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (properties != null && properties.prefix().startsWith("sspr")) {
                known.addObject(properties.prefix(), type);
            }
            known.addPlaceholders(type);
        }
        return known;
    }

    /** The canonical names, for messages and tests. */
    Set<String> names() {
        return names;
    }

    /** Whether {@code name} (a property file, command-line or system property name) is a setting. */
    boolean knows(String name) {
        String wanted = relaxed(INDEX.matcher(name).replaceAll(""));
        for (String known : names) {
            if (relaxed(known).equals(wanted)) {
                return true;
            }
        }
        for (String map : maps) {
            String prefix = relaxed(map);
            if (wanted.equals(prefix) || wanted.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the environment variable {@code name} ({@code SSPR_...}) is a setting. */
    boolean knowsVariable(String name) {
        String wanted = squashed(name);
        for (String known : names) {
            String squashed = squashed(known);
            if (wanted.equals(squashed)
                    || wanted.startsWith(squashed)
                            && wanted.substring(squashed.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        for (String map : maps) {
            if (wanted.startsWith(squashed(map))) {
                return true;
            }
        }
        return false;
    }

    /** The setting {@code name} was most likely meant to be, when one is close enough. */
    Optional<String> nearest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '.');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : names) {
            int distance = distance(wanted, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, wanted.length() / 6) ? Optional.ofNullable(best) : Optional.empty();
    }

    private void addObject(String prefix, Class<?> type) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                addValue(
                        prefix + "." + DataObjectPropertyName.toDashedForm(component.getName()),
                        component.getType(),
                        component.getGenericType());
            }
            return;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                addValue(
                        prefix + "." + DataObjectPropertyName.toDashedForm(property.getName()),
                        property.getPropertyType(),
                        property.getWriteMethod().getGenericParameterTypes()[0]);
            }
        }
    }

    private void addValue(String name, Class<?> type, Type generic) {
        if (Map.class.isAssignableFrom(type)) {
            maps.add(name);
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            names.add(name);
            Class<?> element = type.isArray() ? type.getComponentType() : firstTypeArgument(generic);
            if (element != null && element.isRecord()) {
                addObject(name, element);
            }
        } else if (type.isRecord()) {
            // The name itself too: a converter may bind a record (an address range, say) from one string.
            names.add(name);
            addObject(name, type);
        } else {
            names.add(name);
        }
    }

    private static Class<?> firstTypeArgument(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length > 0
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private void addPlaceholders(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            elements.add(executable);
            for (Parameter parameter : executable.getParameters()) {
                elements.add(parameter);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            elements.add(field);
        }
        elements.add(type);
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getAnnotations()) {
                for (Object value :
                        AnnotationUtils.getAnnotationAttributes(annotation).values()) {
                    if (value instanceof String text) {
                        addPlaceholders(text);
                    } else if (value instanceof String[] texts) {
                        for (String text : texts) {
                            addPlaceholders(text);
                        }
                    }
                }
            }
        }
    }

    private void addPlaceholders(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
    }

    /** Lower case, without dashes and underscores in an element: how relaxed binding compares names. */
    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Letters and digits only: how an environment variable's name compares (SSPR_DATA_DIR, SSPR_DATADIR). */
    private static String squashed(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Edit distance with transpositions (optimal string alignment): "ulr" is 1 from "url". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
