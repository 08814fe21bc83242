package org.greffe.measures;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The noise of cell-key perturbation: the same table of the same cases always gets the same noise, so asking again,
 * or for an overlapping period that derives from the same table, teaches a reader nothing new; a table whose cases
 * or figures changed gets new noise in every cell, so comparing two versions does not show which cell the change
 * went to.
 *
 * <p>Each element of a population (a case, or a case's stay at a tribunal) has a secret key, an HMAC of its id under
 * the deployment's secret; a population's key is the sum of its elements' keys, so it can be accumulated in any
 * order. A table's seed is a hash of the secret, the table's name, its population's key and size, and its exact
 * figures; each cell's noise is drawn from the seed. Without the secret nobody can compute the noise, even knowing
 * which cases a table counts.
 *
 * <p>The noise follows a discrete Laplace law (two-sided geometric): {@code P(e) ∝ 0.4^|e|}, so a count is published
 * exactly 43% of the time, within 1 of the truth 77% of the time and within 2 91% of the time (standard deviation
 * 1.5), and never further than {@link #MAX_NOISE}. Its tails are what keep a count from being pinned by adding up
 * several published figures against an exact total: only noise at its very limit (probability below one in a
 * sixty million per cell) could make a sum tight.
 */
public final class CellKey {

    /** Ratio of the probabilities of noise {@code m + 1} and {@code m}. */
    static final double ALPHA = 0.4;
    /** The largest noise ever added or taken away. */
    public static final int MAX_NOISE = 20;
    private static final double ZERO = (1 - ALPHA) / (1 + ALPHA);
    private static final double UNIT = 0x1.0p-53;

    private final byte[] secret;
    private final ThreadLocal<Mac> hmac;

    /**
     * @param secret the deployment's secret, at least 16 bytes; whoever holds it can remove the noise
     */
    public CellKey(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the cell-key secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** The secret key of one element of a population, e.g. a case id. */
    public long elementKey(String element) {
        return ByteBuffer.wrap(hmac.get().doFinal(element.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /**
     * The noise of each cell of a table.
     *
     * @param table      the table's name: tables of the same cases get independent noise
     * @param population whom the table counts
     * @param values     its exact figures, one per cell
     * @return one noise per cell, each within {@code ±MAX_NOISE}
     */
    public int[] noise(String table, Population population, int[] values) {
        MessageDigest seed = sha256();
        seed.update(secret);
        seed.update(table.getBytes(StandardCharsets.UTF_8));
        ByteBuffer figures = ByteBuffer.allocate(12 + 4 * values.length).putLong(population.key())
                                       .putInt(population.size());
        Arrays.stream(values).forEach(figures::putInt);
        byte[] digest = seed.digest(figures.array());
        int[] noise = new int[values.length];
        for (int cell = 0; cell < values.length; cell++) {
            MessageDigest draw = sha256();
            draw.update(digest);
            ByteBuffer bits = ByteBuffer.wrap(draw.digest(ByteBuffer.allocate(4).putInt(cell).array()));
            long first = bits.getLong();
            long second = bits.getLong();
            noise[cell] = laplace((first >>> 11) * UNIT, (second & 1) == 0, ((second >>> 11) + 1) * UNIT);
        }
        return noise;
    }

    /**
     * The inverse of the discrete Laplace distribution: {@code zero} decides whether there is noise at all,
     * {@code up} its sign, and {@code magnitude} (in (0, 1]) its size, geometric from 1.
     */
    static int laplace(double zero, boolean up, double magnitude) {
        if (zero < ZERO) {
            return 0;
        }
        double size = 1 + Math.floor(Math.log(magnitude) / Math.log(ALPHA));
        int bounded = (int) Math.min(MAX_NOISE, size);
        return up ? bounded : -bounded;
    }

    /** A published count: zero stays zero (it singles out no one), any other count gets its noise, never below 0. */
    static int perturbed(int value, int noise) {
        return value == 0 ? 0 : Math.max(0, value + noise);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whom a table counts: the sum of its elements' keys, and how many there are. Order does not matter. */
    public static final class Population {

        private long key;
        private int size;

        /** Adds one element, by its key ({@link #elementKey}). */
        public void add(long elementKey) {
            key += elementKey;
            size++;
        }

        long key() {
            return key;
        }

        int size() {
            return size;
        }
    }
}
