package org.greffe.audit.application;

/**
 * The answer of a verification of the sealed log, of sealing and of the access log.
 *
 * @param ok            true when every sealed link was recomputed from the stored rows and matched, every sealed
 *                      event's authentication code verified, the sealer refuses no event, and the access log's
 *                      chain is whole
 * @param eventsChecked links checked and found intact before the first broken one (all of them when ok)
 * @param chainHead     hex of the hash of the last sealed link, null when nothing is sealed yet
 * @param firstBroken   the first broken link in global order, or the unauthenticated event the sealer refuses above
 *                      the chain; null when there is none
 * @param sealing       how far behind the log the chain is, and why the sealer stopped if it did
 * @param accessLog     the verification of the access log's chain
 * @param tree          the verification of the Merkle tree, of the signed heads and of the trusted head if given
 */
public record Verification(boolean ok, long eventsChecked, String chainHead, BrokenLink firstBroken,
                           SealingStatus sealing, AccessLogVerification accessLog, TreeVerification tree) {

    /** The verification of the sealed event log alone; {@link #with} adds sealing and the access log. */
    public static Verification ofEventLog(long eventsChecked, String chainHead, BrokenLink firstBroken) {
        return new Verification(firstBroken == null, eventsChecked, chainHead, firstBroken, null, null, null);
    }

    /**
     * This verification of the event log with where sealing stands and the access log's verification: an event the
     * sealer refuses is the first broken link when the sealed chain itself is whole.
     */
    public Verification with(SealingStatus sealingStatus, AccessLogVerification accessLogVerification) {
        BrokenLink broken = firstBroken;
        if (broken == null && sealingStatus.refused()) {
            broken = new BrokenLink(sealingStatus.stop().globalPosition(), sealingStatus.stop().reason());
        }
        return new Verification(broken == null && accessLogVerification.ok(), eventsChecked, chainHead, broken,
                sealingStatus, accessLogVerification, tree);
    }

    /** This verification with the Merkle tree's: not ok when the tree is not. */
    public Verification with(TreeVerification treeVerification) {
        return new Verification(ok && treeVerification.ok(), eventsChecked, chainHead, firstBroken, sealing,
                accessLog, treeVerification);
    }

    /**
     * Where the chain breaks and why, in plain words.
     *
     * @param globalPosition the global index at which the stored log and the chain disagree
     * @param reason         what was found: an edit, a deletion, an insertion, a swap or an unauthenticated event
     */
    public record BrokenLink(long globalPosition, String reason) {
    }
}
