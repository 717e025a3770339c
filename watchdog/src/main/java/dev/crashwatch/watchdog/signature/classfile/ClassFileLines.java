package dev.crashwatch.watchdog.signature.classfile;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal class-file reader (JVMS chapter 4): walks the constant pool, skips fields, and reads each method's
 * LineNumberTable from its Code attribute. Nothing else of the class is interpreted.
 */
public final class ClassFileLines {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileLines() {
    }

    /** The line range of every method that has line numbers; throws IOException on a malformed class file. */
    public static List<MethodLines> read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        String[] utf8 = constantPool(in);
        in.skipNBytes(6);
        in.skipNBytes(2L * in.readUnsignedShort());
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        List<MethodLines> out = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            MethodLines lines = methodLines(in, utf8, name);
            if (lines != null) {
                out.add(lines);
            }
        }
        return out;
    }

    /** The constant pool, keeping only the UTF-8 entries (by index); the other entries are skipped. */
    private static String[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static MethodLines methodLines(DataInputStream in, String[] utf8, String name) throws IOException {
        int attributes = in.readUnsignedShort();
        MethodLines found = null;
        for (int a = 0; a < attributes; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("Code".equals(attribute)) {
                found = codeLines(in, utf8, name);
            } else {
                in.skipNBytes(length);
            }
        }
        return found;
    }

    private static MethodLines codeLines(DataInputStream in, String[] utf8, String name) throws IOException {
        in.skipNBytes(4);
        in.skipNBytes(in.readInt());
        in.skipNBytes(8L * in.readUnsignedShort());
        int attributes = in.readUnsignedShort();
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int a = 0; a < attributes; a++) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"LineNumberTable".equals(attribute)) {
                in.skipNBytes(length);
                continue;
            }
            int entries = in.readUnsignedShort();
            for (int e = 0; e < entries; e++) {
                in.readUnsignedShort();
                int line = in.readUnsignedShort();
                first = Math.min(first, line);
                last = Math.max(last, line);
            }
        }
        return last < 0 ? null : new MethodLines(name, first, last);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xffffffffL);
        }
    }
}
