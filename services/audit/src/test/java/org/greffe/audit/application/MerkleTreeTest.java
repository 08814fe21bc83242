package org.greffe.audit.application;

import org.greffe.audit.application.MerkleTree.Node;
import org.greffe.audit.application.MerkleTree.Range;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree math against the Certificate Transparency test vectors (the eight leaves of google/certificate-transparency
 * and transparency-dev/merkle, their roots for every size, and their known inclusion and consistency proofs), and the
 * proofs' O(log n) length.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    /** Leaf index, tree size, then the audit path. */
    static final Object[][] INCLUSION = {
        {0L, 8L, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
        {5L, 8L, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
        {2L, 3L, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
        {1L, 5L, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
        {0L, 1L}};
    /** First size, second size, then the proof. */
    static final Object[][] CONSISTENCY = {
        {1L, 1L},
        {1L, 8L, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
        {6L, 8L, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
        {2L, 5L, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
        {6L, 7L, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}};

    /** The complete subtrees of a tree held in memory, computed from its leaves. */
    static Function<Node, byte[]> nodesOf(List<byte[]> leafHashes) {
        return node -> {
            long size = 1L << node.level();
            long start = node.index() * size;
            return hash(leafHashes, start, start + size);
        };
    }

    private static byte[] hash(List<byte[]> leaves, long start, long end) {
        if (end - start == 1) {
            return leaves.get((int) start);
        }
        long middle = start + MerkleTree.split(end - start);
        return MerkleTree.nodeHash(hash(leaves, start, middle), hash(leaves, middle, end));
    }

    static List<byte[]> vectorLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : LEAVES) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        return leaves;
    }

    private static List<byte[]> hashes(Object[] row) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 2; i < row.length; i++) {
            hashes.add(HEX.parseHex((String) row[i]));
        }
        return hashes;
    }

    private static List<byte[]> proof(List<Range> ranges, Function<Node, byte[]> nodes) {
        return ranges.stream().map(range -> MerkleTree.rangeHash(range, nodes)).toList();
    }

    @Test
    void theRootOfEverySizeIsTheKnownOne() {
        Function<Node, byte[]> nodes = nodesOf(vectorLeaves());
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(size, nodes))).as("size " + size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsAreTheKnownOnesAndVerify() {
        Function<Node, byte[]> nodes = nodesOf(vectorLeaves());
        for (Object[] row : INCLUSION) {
            long index = (Long) row[0];
            long size = (Long) row[1];
            List<byte[]> expected = hashes(row);
            List<byte[]> proof = proof(MerkleTree.inclusionPath(index, size), nodes);
            assertThat(proof).as("leaf " + index + " of " + size).containsExactlyElementsOf(expected);
            byte[] leaf = vectorLeaves().get((int) index);
            byte[] root = HEX.parseHex(ROOTS[(int) size]);
            assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root)).isTrue();
        }
    }

    @Test
    void aWrongLeafIndexRootOrPathFailsInclusion() {
        Function<Node, byte[]> nodes = nodesOf(vectorLeaves());
        List<byte[]> proof = proof(MerkleTree.inclusionPath(5, 8), nodes);
        byte[] leaf = vectorLeaves().get(5);
        byte[] root = HEX.parseHex(ROOTS[8]);
        assertThat(MerkleTree.verifyInclusion(4, 8, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 16, leaf, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, vectorLeaves().get(4), proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, proof, HEX.parseHex(ROOTS[7]))).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, proof.subList(0, 2), root)).isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, longer, root)).isFalse();
        List<byte[]> flipped = new ArrayList<>(proof);
        byte[] bad = flipped.get(1).clone();
        bad[0] ^= 8;
        flipped.set(1, bad);
        assertThat(MerkleTree.verifyInclusion(5, 8, leaf, flipped, root)).isFalse();
    }

    @Test
    void consistencyProofsAreTheKnownOnesAndVerify() {
        Function<Node, byte[]> nodes = nodesOf(vectorLeaves());
        for (Object[] row : CONSISTENCY) {
            long first = (Long) row[0];
            long second = (Long) row[1];
            List<byte[]> proof = proof(MerkleTree.consistencyPath(first, second), nodes);
            assertThat(proof).as(first + " to " + second).containsExactlyElementsOf(hashes(row));
            assertThat(MerkleTree.verifyConsistency(first, second, HEX.parseHex(ROOTS[(int) first]),
                    HEX.parseHex(ROOTS[(int) second]), proof)).isTrue();
        }
    }

    @Test
    void everyPairOfSizesIsConsistentAndNoOtherRootIs() {
        Function<Node, byte[]> nodes = nodesOf(vectorLeaves());
        for (int first = 1; first <= 8; first++) {
            for (int second = first; second <= 8; second++) {
                List<byte[]> proof = proof(MerkleTree.consistencyPath(first, second), nodes);
                byte[] firstRoot = HEX.parseHex(ROOTS[first]);
                byte[] secondRoot = HEX.parseHex(ROOTS[second]);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();
                if (first < second) {
                    assertThat(MerkleTree.verifyConsistency(first, second, HEX.parseHex(ROOTS[first - 1]),
                            secondRoot, proof)).as("a forked first root").isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, secondRoot, firstRoot, proof))
                            .as("swapped roots").isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, List.of()))
                            .as("empty proof").isFalse();
                }
            }
        }
    }

    @Test
    void proofsAreLogarithmicAndReadLogarithmicallyManyNodes() {
        for (long size : new long[]{1, 2, 3, 1000, 1_000_000, (1L << 40) + 12345}) {
            int bound = 64 - Long.numberOfLeadingZeros(size - 1);   // ceil(log2 size)
            for (long index : new long[]{0, size / 3, size - 1}) {
                List<Range> path = MerkleTree.inclusionPath(index, size);
                assertThat(path.size()).as("path of " + index + " in " + size).isLessThanOrEqualTo(bound);
                long nodes = path.stream().mapToLong(range -> MerkleTree.parts(range).size()).sum();
                assertThat(nodes).isLessThanOrEqualTo(2L * bound + 1);
            }
            for (long first : new long[]{1, size / 2, size - 1}) {
                if (first < 1) {
                    continue;
                }
                List<Range> proof = MerkleTree.consistencyPath(first, size);
                assertThat(proof.size()).as(first + " to " + size).isLessThanOrEqualTo(bound + 1);
                long nodes = proof.stream().mapToLong(range -> MerkleTree.parts(range).size()).sum();
                assertThat(nodes).isLessThanOrEqualTo(2L * bound + 2);
            }
        }
    }
}
