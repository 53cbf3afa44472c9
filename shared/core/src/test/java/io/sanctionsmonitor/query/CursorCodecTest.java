package io.sanctionsmonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Cursors round-trip, and cursors issued before the streaming JSON (databind wrote their payload) still decode. */
class CursorCodecTest {

    private static final byte[] KEY = "a-cursor-key-of-enough-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SCOPE = "findings?category=ARMS_TRANSFER";
    private final CursorCodec codec = new CursorCodec(KEY);

    @Test
    void aPositionComesBackFromItsCursor() {
        PagePosition position = new PagePosition(Map.of("pk", "P#all#2024", "sk", "2024-03-01#\"x\"-0001 ü"));
        assertEquals(Optional.of(position), codec.decode(SCOPE, codec.encode(SCOPE, position)));
        assertEquals(codec.encode(SCOPE, position), codec.encode(SCOPE, position), "one position, one cursor");
    }

    @Test
    void aCursorWhosePayloadDatabindWroteStillDecodes() throws Exception {
        Map<String, String> values = Map.of("gsi1pk", "DOCSTATUS#PROCESSED", "gsi1sk", "2025#d", "pk", "DOC#d", "sk", "DOC");
        byte[] payload = new ObjectMapper().writeValueAsBytes(values);
        assertEquals(Optional.of(new PagePosition(values)), codec.decode(SCOPE, signed(payload)));
    }

    @Test
    void aSignedPayloadThatIsNotAnObjectOfStringsIsRefused() throws Exception {
        for (String payload : new String[] {"{\"pk\":1}", "{\"pk\":null}", "[\"pk\"]", "{\"pk\":{}}", "{", ""}) {
            assertTrue(codec.decode(SCOPE, signed(payload.getBytes(StandardCharsets.UTF_8))).isEmpty(), payload);
        }
    }

    /** A cursor as the codec signs one: HMAC-SHA256 over the scope, a zero byte and the payload. */
    private static String signed(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update(SCOPE.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));
    }
}
