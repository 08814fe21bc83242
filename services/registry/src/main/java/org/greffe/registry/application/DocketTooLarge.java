package org.greffe.registry.application;

/**
 * The docket file is over the size or row limit. Refused before any row is applied, so a runaway upload cannot
 * hold the registry for hours; split the file instead.
 */
public class DocketTooLarge extends RuntimeException {

    public DocketTooLarge(String message) {
        super(message);
    }
}
