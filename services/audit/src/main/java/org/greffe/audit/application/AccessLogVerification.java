package org.greffe.audit.application;

/**
 * The verification of the access log's chain: every entry's hash recomputed from its recorded fields, and every
 * entry's previous hash compared with the entry before it.
 *
 * @param ok             true when every entry matched
 * @param entriesChecked entries found intact before the first broken one (all of them when ok)
 * @param headId         the id of the newest entry, null for an empty log
 * @param head           hex of the newest entry's hash, null for an empty log: recorded elsewhere, it lets a later
 *                       verification show that no entry up to it was removed
 * @param firstBroken    the first broken entry in id order, null when ok
 */
public record AccessLogVerification(boolean ok, long entriesChecked, Long headId, String head,
                                    BrokenEntry firstBroken) {

    /**
     * Where the access log's chain breaks.
     *
     * @param id     the id of the first entry that does not match
     * @param reason what was found: an altered, deleted or inserted entry
     */
    public record BrokenEntry(long id, String reason) {
    }
}
