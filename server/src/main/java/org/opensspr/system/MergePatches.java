package org.opensspr.system;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partial updates of admin settings as JSON merge patches (RFC 7396): a member of the patch replaces
 * the stored member of the same name, a {@code null} removes it, an object is merged member by
 * member, and every member the patch does not name keeps its stored value. The merged document is
 * then read exactly as a full replacement ({@code PUT}) body is read, so it passes the same record
 * checks and an unknown member is refused in the same way; a removed member therefore takes its
 * {@code PUT} default. An admin who names one field changes one field: a {@code PUT} of only
 * {@code helpdeskUrl} once reset the required methods and unlock to their defaults (issue 14).
 */
@Component
public final class MergePatches {

    private final ObjectMapper json;

    MergePatches(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code current} with {@code patch} merged in, read as a {@code bodyType}.
     *
     * @throws InvalidInput {@code invalid-request} when the patch is not a JSON object
     * @throws UnreadablePatch when the merged document is not a valid {@code bodyType} (its cause
     *     says why: an unknown member, or the record's own check); nothing is stored
     */
    public <T> T apply(Object current, JsonNode patch, Class<T> bodyType) {
        if (patch == null || !patch.isObject()) {
            throw new IllegalArgumentException("a merge patch must be a JSON object (RFC 7396)");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        try {
            return json.treeToValue(merged, bodyType);
        } catch (JacksonException e) {
            throw new UnreadablePatch(e);
        }
    }

    /** RFC 7396, section 2: MergePatch(target, patch). Neither argument is changed. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target.deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** The merged document is no valid body; the web layer answers 400 from the cause, as for an unreadable body. */
    public static final class UnreadablePatch extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnreadablePatch(JacksonException cause) {
            super("the merged settings are not valid: " + cause.getOriginalMessage(), cause);
        }
    }
}
