package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A template read in long form: its resources by logical id, in the order the file declares them. */
public record CloudFormationTemplate(JsonNode root) {

    public static CloudFormationTemplate read(Path file) {
        JsonNode root = CloudFormationYaml.read(file);
        if (!root.path("Resources").isObject()) {
            throw new IllegalArgumentException(file + " has no Resources section");
        }
        return new CloudFormationTemplate(root);
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (!resource.isObject()) {
            throw new IllegalArgumentException("template has no resource " + logicalId);
        }
        return resource;
    }

    public String type(String logicalId) {
        return resource(logicalId).path("Type").asText();
    }

    public JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    public JsonNode parameter(String name) {
        return root.path("Parameters").path(name);
    }

    public JsonNode condition(String name) {
        JsonNode condition = root.path("Conditions").path(name);
        if (condition.isMissingNode()) {
            throw new IllegalArgumentException("template has no condition " + name);
        }
        return condition;
    }
}
