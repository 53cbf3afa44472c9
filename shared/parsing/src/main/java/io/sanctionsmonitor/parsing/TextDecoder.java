package io.sanctionsmonitor.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text whose encoding nobody declared: a byte order mark decides first, then the share of zero bytes
 * (UTF-16 without a BOM), then strict UTF-8, and Windows-1252 (or ISO-8859-1 where 1252 leaves a byte undefined)
 * as the fallback, since every byte sequence is valid in them.
 */
final class TextDecoder {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_BYTES = 8192;

    private TextDecoder() {}

    record Decoded(String text, Charset charset) {}

    static Decoded decode(byte[] bytes) {
        return decode(bytes, detect(bytes));
    }

    static Decoded decode(byte[] bytes, Charset charset) {
        int skip = bomLength(bytes, charset);
        String text = new String(bytes, skip, bytes.length - skip, charset);
        return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, charset);
    }

    static Charset detect(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return utf16;
        }
        if (isUtf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        return hasBytesUndefinedIn1252(bytes) ? StandardCharsets.ISO_8859_1 : WINDOWS_1252;
    }

    /** Mostly-Latin UTF-16 has a zero in every other byte; which half tells the byte order. */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) {
                evenZeros++;
            }
            if (bytes[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasBytesUndefinedIn1252(byte[] bytes) {
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u == 0x81 || u == 0x8D || u == 0x8F || u == 0x90 || u == 0x9D) {
                return true;
            }
        }
        return false;
    }

    private static int bomLength(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (charset.equals(StandardCharsets.UTF_16LE) && startsWith(bytes, 0xFF, 0xFE)) {
            return 2;
        }
        if (charset.equals(StandardCharsets.UTF_16BE) && startsWith(bytes, 0xFE, 0xFF)) {
            return 2;
        }
        return 0;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
