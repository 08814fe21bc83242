package org.greffe.audit.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The Merkle tree of RFC 6962 (section 2.1), with the JDK alone: a leaf's hash is SHA-256(0x00 || leaf), a node's
 * SHA-256(0x01 || left || right), and a tree of n leaves splits at the largest power of two below n.
 *
 * <p>Greffe stores the hash of every <em>complete</em> subtree (a {@link Node}: 2^level leaves starting at a multiple
 * of 2^level). Every range a proof needs, {@code [start, end)}, is aligned so that it is a short row of complete
 * subtrees ({@link #parts}): an inclusion or consistency proof reads O(log n) stored nodes and never walks leaves.
 * The verifying algorithms are those of RFC 9162 (section 2.1.3.2 and 2.1.4.2); {@code tools/verifier} holds its own
 * copy of them, and both are pinned to the Certificate Transparency test vectors. The tree's format (leaf input,
 * prefixes, stored subtrees, proofs) is specified in {@code docs/audit-format.md}.
 */
public final class MerkleTree {

    /** Bytes of a hash. */
    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return digest().digest();
    }

    /** The hash of a leaf: SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = digest();
        sha256.update((byte) 0);
        return sha256.digest(leaf);
    }

    /** The hash of an inner node: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = digest();
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The largest power of two strictly below {@code n}, for n of at least 2. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The complete subtrees that make up the range, left to right, largest first.
     *
     * @throws IllegalArgumentException when the range is empty or not aligned as the ranges of RFC 6962 are
     */
    public static List<Node> parts(Range range) {
        List<Node> parts = new ArrayList<>();
        long start = range.start();
        while (start < range.end()) {
            long size = Long.highestOneBit(range.end() - start);
            if (start % size != 0) {
                throw new IllegalArgumentException("range " + range + " is not made of aligned complete subtrees");
            }
            parts.add(new Node(Long.numberOfTrailingZeros(size), start / size));
            start += size;
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty range " + range);
        }
        return parts;
    }

    /** The root hash of the leaves of the range (MTH of RFC 6962), from the hashes of its complete subtrees. */
    public static byte[] rangeHash(Range range, Function<Node, byte[]> nodes) {
        List<Node> parts = parts(range);
        byte[] hash = nodes.apply(parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = nodeHash(nodes.apply(parts.get(i)), hash);
        }
        return hash;
    }

    /** The root of a tree of {@code size} leaves, from the hashes of its complete subtrees. */
    public static byte[] root(long size, Function<Node, byte[]> nodes) {
        return size == 0 ? emptyRoot() : rangeHash(new Range(0, size), nodes);
    }

    /**
     * The ranges whose hashes make the audit path of leaf {@code index} in a tree of {@code size} leaves, in the order
     * of RFC 6962's PATH: the sibling nearest the leaf first.
     */
    public static List<Range> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<Range> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private static void path(long index, long start, long end, List<Range> path) {
        if (end - start <= 1) {
            return;
        }
        long middle = start + split(end - start);
        if (index < middle) {
            path(index, start, middle, path);
            path.add(new Range(middle, end));
        } else {
            path(index, middle, end, path);
            path.add(new Range(start, middle));
        }
    }

    /**
     * The ranges whose hashes make the consistency proof between the trees of {@code first} and {@code second} leaves
     * (RFC 6962's PROOF); empty when {@code first} is 0 or equals {@code second}.
     */
    public static List<Range> consistencyPath(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        if (first > 0) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(long first, long start, long end, boolean whole, List<Range> proof) {
        long size = end - start;
        if (first == size) {
            if (!whole) {
                proof.add(new Range(start, end));
            }
            return;
        }
        long middle = split(size);
        if (first <= middle) {
            subproof(first, start, start + middle, whole, proof);
            proof.add(new Range(start + middle, end));
        } else {
            subproof(first - middle, start + middle, end, false, proof);
            proof.add(new Range(start, start + middle));
        }
    }

    /** Whether the audit path proves that the leaf hash is leaf {@code index} of the tree with this root. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Whether the proof shows that the tree of {@code second} leaves extends the tree of {@code first} leaves. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A complete subtree: the 2^level leaves from {@code index * 2^level}.
     *
     * @param level its height, 0 for a leaf
     * @param index its place among the subtrees of that level, left to right
     */
    public record Node(int level, long index) {
    }

    /**
     * The leaves from {@code start} (included) to {@code end} (excluded).
     *
     * @param start the first leaf
     * @param end   one past the last leaf
     */
    public record Range(long start, long end) {
    }
}
