package org.greffe.audit.application;

import java.util.List;
import java.util.Optional;

/**
 * The Merkle tree over the sealed log (RFC 6962) and its signed heads: what an auditor needs to hold Greffe to a head
 * saved earlier, and to check a case's events against a head without trusting Greffe.
 */
public interface AuditTree {

    /** Leaves in the tree: the sealed events. */
    long size();

    /** The head of the largest tree signed so far whose signature (a key Greffe holds) and root verify. */
    Optional<TreeHead> latestHead();

    /** The head signed for that tree size, if one was and it verifies. */
    Optional<TreeHead> head(long treeSize);

    /**
     * Seals what can be sealed and signs a head of the tree now, unless the latest head has its size already or a leaf
     * since it does not check out; returns the latest verified head.
     */
    Optional<TreeHead> signHead();

    /**
     * Why the signer's latest round signed no head though the tree had grown (a leaf that is not a sealed
     * authenticated event, stored nodes that do not hash right, a head Greffe did not sign at that size); empty when
     * it signed or had nothing to sign.
     */
    Optional<String> signingRefusal();

    /** Every public key a head may name. */
    List<TreeHeadSigner.HeadKey> publicKeys();

    /**
     * The inclusion proof of every sealed event of the case in the tree of {@code treeSize} leaves.
     *
     * Any size from 1 to the tree's size is accepted, signed or not: a proof is worth only as much as the signed head
     * whose root it is checked against.
     *
     * @throws IllegalArgumentException when the size is not between 1 and the tree's size, in one sentence
     */
    CaseInclusion inclusion(String caseId, long treeSize);

    /**
     * The consistency proof between two tree sizes.
     *
     * @throws IllegalArgumentException when the sizes are not 1 &lt;= from &lt;= to &lt;= the tree's size
     */
    ConsistencyProof consistency(long fromSize, long toSize);

    /** Recomputes the tree from the sealed chain and checks the stored tree, the signed heads and {@code trusted}. */
    TreeVerification verify(TreeHead trusted);

    /**
     * A case's events in a tree.
     *
     * @param caseId   the case
     * @param treeSize the tree's size
     * @param rootHash hex of the tree's root
     * @param events   each sealed event of the case within the tree, in global order
     */
    record CaseInclusion(String caseId, long treeSize, String rootHash, List<EventInclusion> events) {
    }

    /**
     * One event's place in the tree.
     *
     * @param globalPosition the event's global index
     * @param leafIndex      its leaf: the events sealed before it
     * @param chainHash      hex of its global chain hash, the leaf's input
     * @param auditPath      hex of the hashes of RFC 6962's PATH, nearest the leaf first
     */
    record EventInclusion(long globalPosition, long leafIndex, String chainHash, List<String> auditPath) {
    }

    /**
     * That a larger tree extends a smaller one.
     *
     * @param fromSize the smaller tree's size
     * @param toSize   the larger tree's size
     * @param fromRoot hex of the smaller tree's root
     * @param toRoot   hex of the larger tree's root
     * @param proof    hex of the hashes of RFC 6962's PROOF
     */
    record ConsistencyProof(long fromSize, long toSize, String fromRoot, String toRoot, List<String> proof) {
    }
}
