package org.endow.kernel;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 *
 * <p>Random (version 4) keys land on a random page of every B-tree they are indexed in, so each
 * insert dirties a page of its own and, after each checkpoint, writes that whole page to the WAL
 * again. Ids made now sort after ids made earlier, so their inserts append to the right edge of
 * the index, as a sequence's would, while staying unguessable and unique without a database round
 * trip. The random part comes from a {@link SecureRandom}, as {@link UUID#randomUUID()}'s does.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    /** A new version 7 UUID for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new version 7 UUID for the given Unix time in milliseconds (0 to 2^48 - 1). */
    public static UUID at(long unixMillis) {
        if (unixMillis < 0 || unixMillis >= 1L << 48) {
            throw new IllegalArgumentException("unixMillis must fit in 48 bits: " + unixMillis);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = unixMillis << 16 | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3fL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }

    /** The Unix milliseconds a version 7 UUID was made at. */
    public static long unixMillisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
