package org.greffe.registry.application.docket;

/**
 * How much a docket import takes and how it works through it ({@code greffe.docket-import.*}).
 *
 * @param maxBytes              largest file accepted, in bytes of UTF-8 ({@code max-bytes}, 200 MB by default)
 * @param maxRows               most data rows accepted ({@code max-rows}, 2,000,000)
 * @param maxReportedRejections most rejected rows listed, and kept in memory, for the report; the others are only
 *                              counted ({@code max-reported-rejections}, 1,000)
 * @param progressEvery         log progress after this many rows ({@code progress-every}, 10,000)
 * @param chunkRows             rows decided and written in one transaction ({@code chunk-rows}, 1,000): larger
 *                              chunks make fewer round trips and commits, and hold their cases' locks longer
 */
public record DocketImportSettings(long maxBytes, int maxRows, int maxReportedRejections, int progressEvery,
                                   int chunkRows) {

    public DocketImportSettings {
        if (maxBytes < 1 || maxRows < 1 || progressEvery < 1 || chunkRows < 1) {
            throw new IllegalArgumentException("greffe.docket-import.max-bytes, max-rows, progress-every and "
                    + "chunk-rows must be positive");
        }
        if (maxReportedRejections < 0) {
            throw new IllegalArgumentException("greffe.docket-import.max-reported-rejections must be 0 or more");
        }
    }
}
