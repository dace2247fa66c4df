package org.opensspr.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the documents of {@link StoredSetting}s: tolerant where the API is strict, so that an
 * installation keeps loading its settings across versions. Reading upgrades an older document step by
 * step, drops a field the record does not know (logged once per setting and field at WARN, at any depth
 * of nested records), lets a missing field take the record's default (the record's compact constructor
 * or conversion decides it), and refuses a document of a newer version than this code knows
 * ({@link NewerSettingException}: running on it would lose what the newer version stored). A document that
 * fails the record's own checks after all that fails as it did before (an {@link IllegalStateException}
 * naming the setting). Nothing here is a secret: the settings hold none.
 */
public final class SettingsDocuments {

    private static final Logger log = LoggerFactory.getLogger(SettingsDocuments.class);

    private final ObjectMapper json;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public SettingsDocuments(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The value of {@code text}, a document of schema version {@code version} (null: 1, the unversioned
     * documents of servers before issue 14).
     *
     * @throws NewerSettingException when {@code version} is newer than {@code setting}'s
     * @throws IllegalStateException when the document is no JSON object or fails the record's checks
     */
    public <T> T read(StoredSetting<T> setting, String text, Integer version) {
        int from = version == null ? 1 : version;
        if (from > setting.version()) {
            throw new NewerSettingException(setting.name(), from, setting.version());
        }
        if (from < 1) {
            throw new IllegalStateException(
                    "the stored setting '" + setting.name() + "' has schema version " + from + ", below 1");
        }
        try {
            JsonNode tree = json.readTree(text);
            if (!(tree instanceof ObjectNode document)) {
                throw new IllegalStateException("the stored setting '" + setting.name() + "' is no JSON object");
            }
            ObjectNode upgraded = setting.upgrade(document, from);
            List<String> unknown = new ArrayList<>();
            dropUnknown(upgraded, setting.type(), "", unknown);
            for (String field : unknown) {
                if (warned.add(setting.name() + "\u0000" + field)) {
                    log.warn(
                            "The stored setting '{}' has a field this version does not know, '{}': it is ignored"
                                    + " (written by another version?). The next change of the setting drops it.",
                            setting.name(),
                            field);
                }
            }
            return json.treeToValue(upgraded, setting.type());
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "the stored setting '" + setting.name() + "' cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** The document of {@code value}, to be stored with {@code setting.version()}. */
    public <T> String write(StoredSetting<T> setting, T value) {
        if (!setting.type().isInstance(value)) {
            throw new IllegalArgumentException(
                    "a value of '" + setting.name() + "' is a " + setting.type().getName());
        }
        return json.writeValueAsString(value);
    }

    /** Removes the members of {@code node} that {@code type} (a record) has no component for, recursing into records. */
    private static void dropUnknown(JsonNode node, Class<?> type, String path, List<String> dropped) {
        if (!(node instanceof ObjectNode object) || !type.isRecord()) {
            return;
        }
        List<String> names = new ArrayList<>(object.propertyNames());
        for (String name : names) {
            RecordComponent component = component(type, name);
            if (component == null) {
                object.remove(name);
                dropped.add(path + name);
                continue;
            }
            JsonNode value = object.get(name);
            if (component.getType().isRecord()) {
                dropUnknown(value, component.getType(), path + name + ".", dropped);
            } else if (List.class.isAssignableFrom(component.getType()) && value.isArray()) {
                Class<?> element = element(component.getGenericType());
                if (element != null && element.isRecord()) {
                    for (int i = 0; i < value.size(); i++) {
                        dropUnknown(value.get(i), element, path + name + "[" + i + "].", dropped);
                    }
                }
            }
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Class<?> element(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /**
     * A stored setting written by a newer version of OpenSSPR than this one: its meaning is unknown here,
     * and a change made by this version would overwrite what the newer one stored.
     */
    public static final class NewerSettingException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final String setting;

        NewerSettingException(String setting, int stored, int known) {
            super("the stored setting '" + setting + "' has schema version " + stored
                    + ", newer than this version of OpenSSPR reads (" + known + ")");
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
