package org.greffe.registry.model;

import org.greffe.events.TribunalId;

/** The configured tribunals, their docket-number formats and the armed groups the registry accepts. */
public interface ReferenceData {

    boolean isKnownTribunal(TribunalId tribunalId);

    boolean isKnownArmedGroup(String code);

    /** The format new docket numbers of a known tribunal must have. */
    DocketNumberFormat docketNumberFormat(TribunalId tribunalId);
}
