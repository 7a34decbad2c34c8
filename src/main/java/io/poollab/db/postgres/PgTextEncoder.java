package io.poollab.db.postgres;

import io.poollab.db.ByteChunk;
import io.poollab.db.Column;
import io.poollab.db.Kind;
import io.poollab.db.RowChunk;
import java.math.BigDecimal;
import java.util.List;

/**
 * Encodes decoded rows as COPY text (tab-separated, {@code \N} for null, backslash escapes), straight into one
 * reused buffer; strings are UTF-8 encoded char by char, without an intermediate byte[].
 */
final class PgTextEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Kind[] kinds;
    private final ByteChunk buffer = new ByteChunk(64 * 1024);
    private final byte[] one = new byte[4];

    PgTextEncoder(List<Column> columns) {
        this.kinds = columns.stream().map(c -> c.type().kind()).toArray(Kind[]::new);
    }

    ByteChunk encode(RowChunk rows) {
        buffer.clear();
        for (int r = 0; r < rows.count(); r++) {
            Object[] row = rows.row(r);
            for (int i = 0; i < kinds.length; i++) {
                if (i > 0) {
                    ascii('\t');
                }
                value(kinds[i], row[i]);
            }
            ascii('\n');
        }
        return buffer;
    }

    private void value(Kind kind, Object value) {
        if (value == null) {
            ascii('\\');
            ascii('N');
            return;
        }
        switch (kind) {
            case BOOLEAN -> ascii((Boolean) value ? 't' : 'f');
            case DECIMAL -> escaped(((BigDecimal) value).toPlainString());
            case BINARY -> hex((byte[]) value);
            // ISO-8601 forms (2024-05-01T10:15:30.123456+02:00) are accepted by PostgreSQL's input functions.
            default -> escaped(value.toString());
        }
    }

    private void hex(byte[] bytes) {
        // bytea's \x form, with the backslash itself escaped for COPY text.
        ascii('\\');
        ascii('\\');
        ascii('x');
        for (byte b : bytes) {
            one[0] = HEX[(b >> 4) & 0xf];
            one[1] = HEX[b & 0xf];
            buffer.append(one, 0, 2);
        }
    }

    private void escaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> pair('\\');
                case '\n' -> pair('n');
                case '\r' -> pair('r');
                case '\t' -> pair('t');
                default -> utf8(text, i, c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                i++;
            }
        }
    }

    private void pair(char escape) {
        ascii('\\');
        ascii(escape);
    }

    private void utf8(String text, int index, char c) {
        if (c < 0x80) {
            ascii(c);
        } else if (c < 0x800) {
            one[0] = (byte) (0xc0 | (c >> 6));
            one[1] = (byte) (0x80 | (c & 0x3f));
            buffer.append(one, 0, 2);
        } else if (Character.isHighSurrogate(c) && index + 1 < text.length()) {
            int cp = Character.toCodePoint(c, text.charAt(index + 1));
            one[0] = (byte) (0xf0 | (cp >> 18));
            one[1] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            one[2] = (byte) (0x80 | ((cp >> 6) & 0x3f));
            one[3] = (byte) (0x80 | (cp & 0x3f));
            buffer.append(one, 0, 4);
        } else {
            one[0] = (byte) (0xe0 | (c >> 12));
            one[1] = (byte) (0x80 | ((c >> 6) & 0x3f));
            one[2] = (byte) (0x80 | (c & 0x3f));
            buffer.append(one, 0, 3);
        }
    }

    private void ascii(char c) {
        one[0] = (byte) c;
        buffer.append(one, 0, 1);
    }
}
