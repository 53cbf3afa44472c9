package io.sanctionsmonitor.query;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sanctionsmonitor.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a store's {@link PagePosition} into an opaque cursor and back. The cursor is the position's JSON and an
 * HMAC-SHA256 over it and the request's scope (route and canonical filter), so a cursor that was altered, signed
 * with another key, or made for another filter set does not verify.
 */
public final class CursorCodec {

    /** Cursors longer than this are refused before any decoding. */
    public static final int MAX_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the cursor key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String encode(String scope, PagePosition position) {
        // Sorted, so a position always has the same cursor.
        byte[] payload = Json.writeBytes(g -> Json.writeValue(g, new TreeMap<>(position.values())));
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
    }

    /** The position a cursor carries, or empty when it is malformed, tampered with or made for another scope. */
    public Optional<PagePosition> decode(String scope, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(scope, payload))) {
                return Optional.empty();
            }
            return Optional.of(new PagePosition(Json.read(payload, CursorCodec::values)));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** A JSON object of strings; anything else is not a position this codec wrote. */
    private static Map<String, String> values(JsonParser p) throws IOException {
        Map<String, String> values = new HashMap<>();
        Json.readObject(p, (name, q) -> {
            if (q.currentToken() != JsonToken.VALUE_STRING) {
                throw new JsonParseException(q, "a position holds strings only");
            }
            values.put(name, q.getText());
        });
        return values;
    }

    private byte[] mac(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
