package org.greffe.bench;

/**
 * One measured figure next to its raw baseline from the same run.
 *
 * @param name          what was measured
 * @param value         Greffe's figure
 * @param unit          its unit
 * @param baseline      what it is compared with
 * @param baselineValue the baseline's figure, in the same unit
 * @param ratio         value ÷ baselineValue
 * @param target        the target for this figure, or {@code null} when it is only reported
 * @param met           whether the target holds, or {@code null} without a target
 */
record Result(String name, double value, String unit, String baseline, double baselineValue, double ratio,
              String target, Boolean met) {

    static Result reported(String name, double value, String unit, String baseline, double baselineValue) {
        return new Result(name, value, unit, baseline, baselineValue, ratio(value, baselineValue), null, null);
    }

    /** A target on the ratio: at least {@code minimum}. */
    static Result ratioAtLeast(String name, double value, String unit, String baseline, double baselineValue,
                               double minimum) {
        double ratio = ratio(value, baselineValue);
        return new Result(name, value, unit, baseline, baselineValue, ratio, "ratio >= " + minimum,
                ratio >= minimum);
    }

    /** A target on the value itself. */
    static Result valueTarget(String name, double value, String unit, String baseline, double baselineValue,
                              String target, boolean met) {
        return new Result(name, value, unit, baseline, baselineValue, ratio(value, baselineValue), target, met);
    }

    private static double ratio(double value, double baseline) {
        return baseline == 0 ? Double.NaN : Math.round(value / baseline * 1000) / 1000.0;
    }
}
