package org.greffe.audit.application;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The self-delimiting encoding every hashed or authenticated layout of Greffe shares (the event chain
 * {@link ChainHash}, the access log chain {@link AccessChainHash}, the events' authentication codes): no two different
 * sequences of fields share their bytes. A number is 8 bytes, signed big-endian. A byte field is its length as 4
 * bytes, signed big-endian, followed by the bytes; a null field is the length -1 ({@code FF FF FF FF}) and no bytes,
 * so null and empty differ. A text field is its UTF-8 bytes written as a byte field. The format is specified in
 * docs/audit-format.md.
 */
public final class CanonicalBytes {

    private final ByteArrayOutputStream out;

    /** @param expectedSize how many bytes the fields will likely take, to size the buffer once */
    public CanonicalBytes(int expectedSize) {
        this.out = new ByteArrayOutputStream(expectedSize);
    }

    /** Appends a number: 8 bytes, signed big-endian. */
    public CanonicalBytes number(long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        return this;
    }

    /** Appends a text field: its UTF-8 bytes as a byte field; null stays null. */
    public CanonicalBytes text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends a byte field: its length as 4 bytes, signed big-endian, then the bytes; null is the length -1. */
    public CanonicalBytes bytes(byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
        return this;
    }

    /** The fields appended so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
