package org.greffe.registry.application;

import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;

/**
 * The docket file is over the size or row limit. Refused before any row is applied, so a runaway upload cannot
 * hold the registry for hours; split the file instead.
 */
public class DocketTooLarge extends Rejection {

    public DocketTooLarge(String message) {
        super(message);
    }

    public DocketTooLarge(String message, Wording wording) {
        super(message, wording);
    }
}
