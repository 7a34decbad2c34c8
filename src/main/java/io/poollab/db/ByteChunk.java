package io.poollab.db;

/** Raw COPY bytes, passed through from source to target without decoding. */
public final class ByteChunk extends Chunk {

    private byte[] data;
    private int length;

    public ByteChunk(int capacity) {
        this.data = new byte[capacity];
    }

    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    @Override
    public long bytes() {
        return length;
    }

    public boolean hasRoomFor(int count) {
        return length + count <= data.length;
    }

    /** Appends; a single message larger than the chunk (a row over the chunk size) grows it once. */
    public void append(byte[] source, int offset, int count) {
        if (!hasRoomFor(count)) {
            byte[] bigger = new byte[Math.max(data.length * 2, length + count)];
            System.arraycopy(data, 0, bigger, 0, length);
            data = bigger;
        }
        System.arraycopy(source, offset, data, length, count);
        length += count;
    }

    @Override
    public void clear() {
        super.clear();
        length = 0;
    }
}
