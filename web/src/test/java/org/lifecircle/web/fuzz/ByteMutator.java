package org.lifecircle.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Damages files the way disks, transfers and hand edits do: flipped bits, bytes a parser treats
 * specially (NUL, 0xFF, a quote, a line break, the zip signature), inserted, deleted or repeated
 * runs, a cut-off end, garbage appended. Not thread-safe: one per property, like its {@link Random}.
 */
public final class ByteMutator {
    private static final byte[] SPECIAL = {0, (byte) 0xff, 0x7f, (byte) 0x80, '"', ',', ';', '\n', '\r', 'P', 'K', '{'};

    private final Random random;

    public ByteMutator(Random random) {
        this.random = random;
    }

    /** {@code data} with one to three damages; never the array itself. */
    public byte[] mutate(byte[] data) {
        byte[] result = data.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            result = damage(result);
        }
        return result;
    }

    /** 0 to {@code maxLength} random bytes. */
    public byte[] randomBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] damage(byte[] data) {
        if (data.length == 0) {
            return randomBytes(16);
        }
        int at = random.nextInt(data.length);
        int length = 1 + random.nextInt(Math.min(64, data.length - at));
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] flipped = data.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            }
            case 1 -> {
                byte[] special = data.clone();
                special[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                return special;
            }
            case 2 -> {
                return splice(data, at, 0, randomBytes(32));
            }
            case 3 -> {
                return splice(data, at, length, new byte[0]);
            }
            case 4 -> {
                return splice(data, at, 0, Arrays.copyOfRange(data, at, at + length));
            }
            case 5 -> {
                return Arrays.copyOf(data, at);
            }
            default -> {
                return splice(data, data.length, 0, randomBytes(256));
            }
        }
    }

    private static byte[] splice(byte[] data, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + inserted.length);
        out.write(data, 0, at);
        out.writeBytes(inserted);
        out.write(data, at + removed, data.length - at - removed);
        return out.toByteArray();
    }
}
