package org.opensspr.system;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A setting as the {@code settings} table keeps it, apart from the API body that changes it: the row's
 * name, the record its document is read into, and the explicit chain of upgrade steps from each older
 * schema version to the current one. Version 1 is the unversioned document that servers before issue 14
 * stored (the API body of that time, {@code schema_version} null); the current version is 1 plus the
 * number of steps, so adding a step is what raises it. A rename, a removal, a narrowed value or a new
 * shape is a step; a new field with a default is not (a missing field takes its default when read).
 * How the document is read is {@link SettingsDocuments}; architecture 5.11 has the rules.
 *
 * @param <T> the stored record (never the API body)
 */
public final class StoredSetting<T> {

    private final String name;
    private final Class<T> type;
    private final List<Upgrade> upgrades;

    private StoredSetting(String name, Class<T> type, List<Upgrade> upgrades) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
        this.type = Objects.requireNonNull(type, "type cannot be null");
        if (!type.isRecord()) {
            throw new IllegalArgumentException("a stored setting is a record: " + type.getName());
        }
        this.upgrades = List.copyOf(upgrades);
    }

    /**
     * @param upgrades the steps in order: the first takes a version 1 document to version 2, the next
     *     version 2 to 3, and so on; never remove or reorder one, an installation may still hold any version
     */
    public static <T> StoredSetting<T> of(String name, Class<T> type, Upgrade... upgrades) {
        return new StoredSetting<>(name, type, List.of(upgrades));
    }

    /** The row's name in {@code settings}. */
    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The schema version this code writes and the newest it can read. */
    public int version() {
        return upgrades.size() + 1;
    }

    /** {@code document}, of version {@code from}, brought to {@link #version()} one step at a time (changed in place). */
    ObjectNode upgrade(ObjectNode document, int from) {
        ObjectNode current = document;
        for (int version = from; version < version(); version++) {
            current = upgrades.get(version - 1).step().apply(current);
        }
        return current;
    }

    /**
     * One step of a setting's upgrade chain, from one schema version to the next.
     *
     * @param description what changed, for the reader of the code and the log
     * @param step changes a document of the older version into one of the next
     */
    public record Upgrade(String description, UnaryOperator<ObjectNode> step) {

        public Upgrade {
            Objects.requireNonNull(description, "description cannot be null");
            Objects.requireNonNull(step, "step cannot be null");
        }

        /** Field {@code from} is now called {@code to}; a document that already has {@code to} keeps it. */
        public static Upgrade rename(String from, String to) {
            return new Upgrade("rename " + from + " to " + to, document -> {
                if (document.has(from)) {
                    if (!document.has(to)) {
                        document.set(to, document.get(from));
                    }
                    document.remove(from);
                }
                return document;
            });
        }

        /** Field {@code field} is gone; its stored value is dropped (without a warning, unlike an unknown field). */
        public static Upgrade remove(String field) {
            return new Upgrade("remove " + field, document -> {
                document.remove(field);
                return document;
            });
        }
    }
}
