package dev.crashwatch.fleet.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The records of a {@link FolderStore}'s log segment, one per {@link ObjectPut}: a 4-byte big-endian length of
 * the rest, a CRC-32C of that length and the rest, a 2-byte key length, the key (ASCII), the bytes. Reading stops at
 * the first record that is cut short or fails its checksum: what a kill or a power cut during an append leaves at
 * the end, and never a record that was acknowledged (those were whole and fsynced before the reply).
 */
final class LogRecords {
    private static final int HEADER = 8;

    private LogRecords() {
    }

    /** The records of {@code puts}, in order, ready to append. */
    static byte[] encode(List<ObjectPut> puts) {
        int size = 0;
        for (ObjectPut put : puts) {
            size += HEADER + 2 + put.key().length() + put.bytes().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ObjectPut put : puts) {
            byte[] key = put.key().getBytes(StandardCharsets.US_ASCII);
            int start = out.position();
            out.putInt(2 + key.length + put.bytes().length).putInt(0).putShort((short) key.length).put(key)
                    .put(put.bytes());
            out.putInt(start + 4, checksum(out.array(), start, out.position()));
        }
        return out.array();
    }

    /** The whole records at the start of {@code segment}, in order. */
    static List<ObjectPut> read(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<ObjectPut> puts = new ArrayList<>();
        while (in.remaining() >= HEADER + 2) {
            int start = in.position();
            int length = in.getInt();
            int crc = in.getInt();
            if (length < 2 || length > in.remaining()
                    || crc != checksum(bytes, start, in.position() + length)) {
                break; // torn or never finished: not acknowledged
            }
            int keyLength = in.getShort() & 0xffff;
            if (keyLength > length - 2) {
                break;
            }
            String key = new String(bytes, in.position(), keyLength, StandardCharsets.US_ASCII);
            byte[] value = new byte[length - 2 - keyLength];
            in.position(in.position() + keyLength);
            in.get(value);
            puts.add(new ObjectPut(key, value));
        }
        return puts;
    }

    /** The CRC of a record from {@code start} to {@code end}, its own four bytes left out. */
    private static int checksum(byte[] bytes, int start, int end) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, start, 4);
        crc.update(bytes, start + HEADER, end - start - HEADER);
        return (int) crc.getValue();
    }
}
