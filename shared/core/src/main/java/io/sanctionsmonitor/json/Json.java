package io.sanctionsmonitor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON through jackson-core's streaming generator and parser only. The hot, fixed-shape JSON (stored findings and
 * documents, API responses, cursors, log lines) is written and read by small classes per shape on top of this, so
 * a cold function never loads databind's reflection machinery. The generator is the one databind writes through,
 * so escaping and number formats are byte for byte those of an {@code ObjectMapper}.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    /** Reads one JSON value, the parser standing on its first token; leaves the parser on its last token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Reads the value of one field, the parser standing on the value's first token; leaves it on the last. */
    @FunctionalInterface
    public interface FieldReader {
        void field(String name, JsonParser p) throws IOException;
    }

    private Json() {}

    public static String write(Writer writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }

    public static byte[] writeBytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, writer);
        return out.toByteArray();
    }

    /** Writes UTF-8 to {@code out}, which stays open. */
    public static void write(OutputStream out, Writer writer) {
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON", e);
        }
    }

    /** The first JSON value of {@code text}; what follows it is ignored. */
    public static <T> T read(String text, Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return readFirst(p, reader);
        }
    }

    public static <T> T read(byte[] bytes, Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readFirst(p, reader);
        }
    }

    public static <T> T read(InputStream in, Reader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return readFirst(p, reader);
        }
    }

    private static <T> T readFirst(JsonParser p, Reader<T> reader) throws IOException {
        if (p.nextToken() == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        return reader.read(p);
    }

    /** Calls {@code fields} for each field of the object the parser stands on. */
    public static void readObject(JsonParser p, FieldReader fields) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            fields.field(name, p);
        }
        expect(p, JsonToken.END_OBJECT);
    }

    /** An array's elements, or null for a JSON null. */
    public static <T> List<T> readList(JsonParser p, Reader<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY);
        List<T> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new JsonParseException(p, "unterminated array");
            }
            list.add(element.read(p));
        }
        return list;
    }

    /** A string, or null for a JSON null; other scalars as their text, as databind coerces them. */
    public static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw new JsonParseException(p, "expected a string, not " + t);
        }
        return p.getText();
    }

    public static List<String> texts(JsonParser p) throws IOException {
        return readList(p, Json::text);
    }

    /** Any JSON value as {@link Map} (in document order), {@link List}, {@link String}, {@link Number}, {@link Boolean} or null. */
    public static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                readObject(p, (name, q) -> map.put(name, value(q)));
                yield map;
            }
            case START_ARRAY -> readList(p, Json::value);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(p, "unexpected " + t);
        };
    }

    /** Writes {@link Map}s, {@link Iterable}s, {@link CharSequence}s, {@link Number}s, {@link Boolean}s and null, as databind would. */
    public static void writeValue(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case CharSequence s -> g.writeString(s.toString());
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Number n -> g.writeNumber(n.toString());
            case Boolean b -> g.writeBoolean(b);
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Iterable<?> items -> {
                g.writeStartArray();
                for (Object item : items) {
                    writeValue(g, item);
                }
                g.writeEndArray();
            }
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    public static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** An enum constant by name, or null for a JSON null; an unknown name is a parse error. */
    public static <E extends Enum<E>> E enumByName(JsonParser p, Class<E> type) throws IOException {
        String name = text(p);
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, "not a " + type.getSimpleName() + ": " + name);
        }
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new JsonParseException(p, "expected " + token + ", found " + p.currentToken());
        }
    }
}
