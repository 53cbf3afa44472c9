package io.sanctionsmonitor.local;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a CloudFormation YAML template into a JSON tree in long form: the short-form tags ({@code !Ref X},
 * {@code !GetAtt A.B}, {@code !Sub ...}) become {@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}} and
 * so on, exactly as CloudFormation reads them. A plain YAML reader would drop the tags and keep only their
 * arguments, silently turning {@code !Ref FindingsTable} into the string "FindingsTable".
 */
public final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FUNCTIONS = Set.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
            "If", "ImportValue", "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "GetAtt",
            // the functions of a template's Rules section
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");

    private CloudFormationYaml() {}

    public static JsonNode read(Path template) {
        try {
            return parse(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    public static JsonNode parse(String yaml) {
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.missingNode();
            }
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("template is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonToken token = parser.currentToken();
        JsonNode node = switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        };
        return tag == null || tag.startsWith("tag:yaml.org,2002:") ? node : longForm(tag, node, parser);
    }

    private static ObjectNode object(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, value(parser));
        }
        return object;
    }

    private static ArrayNode array(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private static JsonNode longForm(String tag, JsonNode argument, YAMLParser parser) throws IOException {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode function = NODES.objectNode();
        if (name.equals("Ref") || name.equals("Condition")) {
            return function.set(name, argument);
        }
        if (!FUNCTIONS.contains(name)) {
            throw new IOException("unknown tag !" + name + " at " + parser.currentLocation());
        }
        if (name.equals("GetAtt") && argument.isTextual()) {
            // "!GetAtt Resource.Attribute.Part" names the resource before the first dot.
            String text = argument.asText();
            int dot = text.indexOf('.');
            if (dot < 1) {
                throw new IOException("!GetAtt needs Resource.Attribute, got '" + text + "'");
            }
            return function.set("Fn::GetAtt", NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1)));
        }
        return function.set("Fn::" + name, argument);
    }
}
