package io.sanctionsmonitor.parsing;

import io.sanctionsmonitor.ingest.UnreadableReportException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a zip's entry names from its central directory without inflating anything. */
final class ZipDirectory {
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipDirectory() {}

    static List<String> entryNames(byte[] zip) throws UnreadableReportException {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - MAX_COMMENT); i--) {
            if (buffer.getInt(i) == END_OF_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new UnreadableReportException("corrupt ZIP container: no central directory (truncated file?)");
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        long offset = Integer.toUnsignedLong(buffer.getInt(end + 16));
        List<String> names = new ArrayList<>(count);
        int position = (int) Math.min(offset, zip.length);
        for (int i = 0; i < count; i++) {
            if (position + 46 > zip.length || buffer.getInt(position) != DIRECTORY_ENTRY) {
                throw new UnreadableReportException("corrupt ZIP container: damaged central directory");
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(position + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(position + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(position + 32));
            if (position + 46 + nameLength > zip.length) {
                throw new UnreadableReportException("corrupt ZIP container: damaged central directory");
            }
            names.add(new String(zip, position + 46, nameLength, StandardCharsets.UTF_8));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }
}
