package org.greffe.registry.model;

import org.greffe.events.TribunalId;

/** The configured tribunals and armed groups the registry accepts. */
public interface ReferenceData {

    boolean isKnownTribunal(TribunalId tribunalId);

    boolean isKnownArmedGroup(String code);
}
