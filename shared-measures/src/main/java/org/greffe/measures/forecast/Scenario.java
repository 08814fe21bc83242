package org.greffe.measures.forecast;

/**
 * What an advocate asks the forecast to assume on top of the tribunal's own pace.
 *
 * @param extraDispositions   trials held to judgment each month beyond the pace of the basis period, 0 to 10,000
 * @param filingChangePercent change of the monthly filings against the basis period, in percent, -100 to +1,000
 * @param order               which cases the dispositions take first
 */
public record Scenario(int extraDispositions, int filingChangePercent, DisposalOrder order) {

    /** The largest number of extra dispositions a month. */
    public static final int MAX_EXTRA_DISPOSITIONS = 10_000;
    /** The largest rise of the filings, in percent. */
    public static final int MAX_FILING_CHANGE = 1_000;

    /** The tribunal's own pace, first in first out. */
    public static final Scenario CURRENT_PACE = new Scenario(0, 0, DisposalOrder.FIFO);

    public Scenario {
        if (extraDispositions < 0 || extraDispositions > MAX_EXTRA_DISPOSITIONS) {
            throw new IllegalArgumentException("extraDispositions must be between 0 and " + MAX_EXTRA_DISPOSITIONS
                    + " a month (got " + extraDispositions + ")");
        }
        if (filingChangePercent < -100 || filingChangePercent > MAX_FILING_CHANGE) {
            throw new IllegalArgumentException("filingChange must be between -100 and " + MAX_FILING_CHANGE
                    + " percent (got " + filingChangePercent + ")");
        }
        if (order == null) {
            throw new IllegalArgumentException("order must be FIFO or OLDEST_FIRST");
        }
    }
}
