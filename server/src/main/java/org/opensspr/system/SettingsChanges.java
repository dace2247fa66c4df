package org.opensspr.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What an admin changed in a settings document, for the audit log's details: each top-level field
 * whose value differs, with its old and new value as JSON ({@code methodsRequired: 2 -> 1;
 * helpdeskUrl: null -> "https://help"}), in the document's field order; empty when nothing changed.
 * A field left out of a document (null) counts as {@code null}. Fields named in {@code countOnly}
 * are lists shown by their size only ({@code customBannedTerms: 2 items -> 3 items}): their content
 * is not for the log. The settings hold no secrets; a caller with a secret field must leave it out.
 */
@Component
public final class SettingsChanges {

    private final ObjectMapper json;

    SettingsChanges(ObjectMapper json) {
        this.json = json;
    }

    public String between(Object before, Object after, Set<String> countOnly) {
        JsonNode old = json.valueToTree(before);
        JsonNode now = json.valueToTree(after);
        Set<String> fields = new LinkedHashSet<>(now.propertyNames());
        fields.addAll(old.propertyNames());
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = old.path(field);
            JsonNode is = now.path(field);
            if (!normal(was).equals(normal(is))) {
                changes.add(field + ": " + shown(was, countOnly.contains(field)) + " -> "
                        + shown(is, countOnly.contains(field)));
            }
        }
        return String.join("; ", changes);
    }

    private static JsonNode normal(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? MissingNode.getInstance() : value;
    }

    private static String shown(JsonNode value, boolean countOnly) {
        if (value.isMissingNode() || value.isNull()) {
            return "null";
        }
        if (countOnly) {
            int size = value.size();
            return size + (size == 1 ? " item" : " items");
        }
        return value.toString();
    }
}
