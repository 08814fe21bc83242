package org.greffe.audit.application;

/**
 * The answer of a verification of the sealed log.
 *
 * @param ok            true when every sealed link was recomputed from the stored rows and matched
 * @param eventsChecked links checked and found intact before the first broken one (all of them when ok)
 * @param chainHead     hex of the hash of the last sealed link, null when nothing is sealed yet
 * @param firstBroken   the first broken link in global order, null when ok
 */
public record Verification(boolean ok, long eventsChecked, String chainHead, BrokenLink firstBroken) {

    /**
     * Where the chain breaks and why, in plain words.
     *
     * @param globalPosition the global index at which the stored log and the chain disagree
     * @param reason         what was found: an edit, a deletion, an insertion or a swap
     */
    public record BrokenLink(long globalPosition, String reason) {
    }
}
