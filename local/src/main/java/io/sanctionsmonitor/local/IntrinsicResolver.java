package io.sanctionsmonitor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions of a template the way CloudFormation would for one stack: parameters take
 * their defaults (or given values), pseudo parameters come from the {@link StackIdentity}, and resources answer
 * {@code Ref} and {@code Fn::GetAtt} once they are {@link #define defined}. A function it does not know is an
 * error, never a guess.
 */
public final class IntrinsicResolver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CloudFormationTemplate template;
    private final StackIdentity stack;
    private final Map<String, String> parameterValues;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, Map<String, String>> attributes = new HashMap<>();

    public IntrinsicResolver(CloudFormationTemplate template, StackIdentity stack, Map<String, String> parameterValues) {
        this.template = template;
        this.stack = stack;
        this.parameterValues = Map.copyOf(parameterValues);
    }

    /** Records what a created resource answers to {@code Ref} and {@code Fn::GetAtt}. */
    public void define(String logicalId, String ref, Map<String, String> resourceAttributes) {
        refs.put(logicalId, ref);
        attributes.put(logicalId, Map.copyOf(resourceAttributes));
    }

    public boolean isDefined(String logicalId) {
        return refs.containsKey(logicalId);
    }

    /** The node with every intrinsic function replaced by its value; {@code AWS::NoValue} becomes a missing node. */
    public JsonNode resolve(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition")) {
                return function(key, node.get(key));
            }
        }
        if (node.isObject()) {
            ObjectNode resolved = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = resolve(field.getValue());
                if (!value.isMissingNode()) {
                    resolved.set(field.getKey(), value);
                }
            }
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (JsonNode element : node) {
                JsonNode value = resolve(element);
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        return node;
    }

    /** The resolved node as text: a string, number or boolean. */
    public String text(JsonNode node) {
        JsonNode value = resolve(node);
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("expected a scalar, got " + value);
        }
        return value.asText();
    }

    /** The names a node refers to (Ref, Fn::GetAtt, Fn::Sub variables): resources and parameters, no pseudo parameters. */
    public static Set<String> references(JsonNode node) {
        Set<String> found = new LinkedHashSet<>();
        collectReferences(node, found);
        found.removeIf(name -> name.startsWith("AWS::"));
        return found;
    }

    private static void collectReferences(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref" -> found.add(value.asText());
                    case "Fn::GetAtt" -> found.add(value.isArray() ? value.path(0).asText() : value.asText().split("\\.")[0]);
                    case "Fn::Sub" -> {
                        String text = value.isArray() ? value.path(0).asText() : value.asText();
                        Matcher m = SUB_VARIABLE.matcher(text);
                        while (m.find()) {
                            if (!m.group(1).startsWith("!")) {
                                found.add(m.group(1).split("\\.")[0]);
                            }
                        }
                        if (value.isArray()) {
                            Set<String> local = new LinkedHashSet<>();
                            value.path(1).fieldNames().forEachRemaining(local::add);
                            found.removeAll(local);
                            collectReferences(value.path(1), found);
                        }
                        return;
                    }
                    default -> { }
                }
                collectReferences(value, found);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, found));
        }
    }

    private JsonNode function(String name, JsonNode argument) {
        return switch (name) {
            case "Ref" -> ref(argument.asText());
            case "Fn::GetAtt" -> getAtt(argument);
            case "Fn::Sub" -> NODES.textNode(sub(argument));
            case "Fn::Join" -> join(argument);
            case "Fn::Select" -> select(argument);
            case "Fn::Split" -> split(argument);
            case "Fn::If" -> condition(argument.path(0).asText()) ? resolve(argument.path(1)) : resolve(argument.path(2));
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" ->
                    NODES.booleanNode(evaluate(NODES.objectNode().set(name, argument)));
            default -> throw new IllegalArgumentException(name + " is not supported by the local stack");
        };
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::NoValue": return NODES.missingNode();
            case "AWS::AccountId": return NODES.textNode(stack.accountId());
            case "AWS::Region": return NODES.textNode(stack.region());
            case "AWS::StackName": return NODES.textNode(stack.stackName());
            case "AWS::StackId": return NODES.textNode(stack.stackId());
            case "AWS::Partition": return NODES.textNode("aws");
            case "AWS::URLSuffix": return NODES.textNode("amazonaws.com");
            default: break;
        }
        JsonNode parameter = template.parameter(name);
        if (!parameter.isMissingNode()) {
            return parameterValue(name, parameter);
        }
        String ref = refs.get(name);
        if (ref == null) {
            throw new IllegalArgumentException("Ref " + name + ": no such parameter, or resource not created locally");
        }
        return NODES.textNode(ref);
    }

    private JsonNode parameterValue(String name, JsonNode declaration) {
        String value = parameterValues.get(name);
        if (value == null) {
            JsonNode fallback = declaration.get("Default");
            if (fallback == null) {
                throw new IllegalArgumentException("parameter " + name + " has no default and no local value");
            }
            value = fallback.asText();
        }
        if (declaration.path("Type").asText().equals("CommaDelimitedList")) {
            ArrayNode list = NODES.arrayNode();
            for (String item : value.split(",", -1)) {
                list.add(item.trim());
            }
            return list;
        }
        return NODES.textNode(value);
    }

    private JsonNode getAtt(JsonNode argument) {
        String resource = argument.isArray() ? argument.path(0).asText() : argument.asText().split("\\.", 2)[0];
        String attribute = argument.isArray() ? text(argument.path(1)) : argument.asText().split("\\.", 2)[1];
        Map<String, String> known = attributes.get(resource);
        if (known == null || !known.containsKey(attribute)) {
            throw new IllegalArgumentException("Fn::GetAtt " + resource + "." + attribute + " is not known locally");
        }
        return NODES.textNode(known.get(attribute));
    }

    private String sub(JsonNode argument) {
        String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
        Map<String, String> variables = new HashMap<>();
        if (argument.isArray()) {
            argument.path(1).properties().forEach(field -> variables.put(field.getKey(), text(field.getValue())));
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                value = variables.get(variable);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                String[] parts = variable.split("\\.", 2);
                value = getAtt(NODES.arrayNode().add(parts[0]).add(parts[1])).asText();
            } else {
                value = ref(variable).asText();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode join(JsonNode argument) {
        String delimiter = argument.path(0).asText();
        JsonNode items = resolve(argument.path(1));
        java.util.List<String> texts = new java.util.ArrayList<>();
        items.forEach(item -> texts.add(item.asText()));
        return NODES.textNode(String.join(delimiter, texts));
    }

    private JsonNode select(JsonNode argument) {
        int index = Integer.parseInt(text(argument.path(0)));
        JsonNode list = resolve(argument.path(1));
        if (!list.isArray() || index < 0 || index >= list.size()) {
            throw new IllegalArgumentException("Fn::Select index " + index + " out of " + list);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode argument) {
        String delimiter = argument.path(0).asText();
        ArrayNode parts = NODES.arrayNode();
        for (String part : text(argument.path(1)).split(Pattern.quote(delimiter), -1)) {
            parts.add(part);
        }
        return parts;
    }

    private boolean condition(String name) {
        return evaluate(template.condition(name));
    }

    private boolean evaluate(JsonNode condition) {
        String name = condition.fieldNames().next();
        JsonNode argument = condition.get(name);
        return switch (name) {
            case "Fn::Equals" -> resolve(argument.path(0)).equals(resolve(argument.path(1)))
                    || resolve(argument.path(0)).asText().equals(resolve(argument.path(1)).asText());
            case "Fn::Not" -> !evaluate(argument.path(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode c : argument) all &= evaluate(c);
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode c : argument) any |= evaluate(c);
                yield any;
            }
            case "Condition" -> condition(argument.asText());
            default -> throw new IllegalArgumentException(name + " is not a condition function");
        };
    }
}
