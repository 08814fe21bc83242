package org.greffe.audit.application;

/**
 * The verification of the Merkle tree and the signed heads against the sealed chain.
 *
 * @param ok                 true when the tree recomputed from the chain matches the stored tree, every head Greffe
 *                           signed matches the recomputed root of its size and verifies with a published key, and
 *                           the trusted head, when one was given, is consistent with the log
 * @param treeSize           leaves of the tree (sealed events)
 * @param rootHash           hex of the recomputed root of the whole tree
 * @param signedHeadsChecked heads Greffe signed that were checked
 * @param trustedHead        the head the auditor gave, when one was given
 * @param problem            what is wrong, in one sentence, or null
 */
public record TreeVerification(boolean ok, long treeSize, String rootHash, long signedHeadsChecked,
                               TreeHead trustedHead, String problem) {
}
