package org.greffe.measures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a determined reader can prove about counts Greffe does not publish exactly: every unknown count gets the
 * bounds its published form allows, the published figures tie unknowns together by exact equations (a table's cells
 * add up to its exact total; what came in less what went out is the change of the exact pending total), and the
 * bounds are tightened through the equations until nothing moves. An unknown whose bounds meet is pinned: the
 * reader knows it exactly. Sound by construction (it only ever removes values that contradict what was published),
 * so every true value stays within its bounds; {@link #propagate()} fails if one does not, which would mean a
 * published figure lies outside what its method allows. Shared with the application's tests (test-jar), whose
 * {@code DisclosureAttackIntegrationTest} feeds it every answer an advocate can get.
 */
public final class DisclosureAttack {

    /** An upper bound nothing reaches: no count of cases or victims is a billion, and sums of it cannot overflow. */
    public static final long UNBOUNDED = 1_000_000_000L;

    private final Map<String, long[]> bounds = new LinkedHashMap<>();
    private final List<Map<String, Integer>> terms = new ArrayList<>();
    private final List<Long> constants = new ArrayList<>();

    /** Narrows an unknown to {@code [lo, hi]}. */
    public void bound(String unknown, long lo, long hi) {
        long[] known = bounds.computeIfAbsent(unknown, name -> new long[]{0, UNBOUNDED});
        known[0] = Math.max(known[0], lo);
        known[1] = Math.min(known[1], hi);
    }

    /** What a published count says of its true value: noise at most {@code noise}, zero kept, never below zero. */
    public void published(String unknown, int value, int noise) {
        bound(unknown, value == 0 ? 0 : Math.max(1, value - noise), value + noise);
    }

    /** {@code Σ coefficient × unknown = constant}; coefficients are +1 or -1. */
    public void equation(Map<String, Integer> coefficients, long constant) {
        coefficients.keySet().forEach(unknown -> bound(unknown, 0, UNBOUNDED));
        terms.add(Map.copyOf(coefficients));
        constants.add(constant);
    }

    /** Tightens every bound through the equations until none moves; the bounds proven, by unknown. */
    public Map<String, long[]> propagate() {
        boolean moved = true;
        for (int sweep = 0; moved && sweep < 10_000; sweep++) {
            moved = false;
            for (int e = 0; e < terms.size(); e++) {
                Map<String, Integer> equation = terms.get(e);
                for (String unknown : equation.keySet()) {
                    long restMin = 0;
                    long restMax = 0;
                    for (Map.Entry<String, Integer> term : equation.entrySet()) {
                        if (!term.getKey().equals(unknown)) {
                            long[] b = bounds.get(term.getKey());
                            restMin += term.getValue() > 0 ? b[0] : -b[1];
                            restMax += term.getValue() > 0 ? b[1] : -b[0];
                        }
                    }
                    long c = constants.get(e);
                    long lo = equation.get(unknown) > 0 ? c - restMax : restMin - c;
                    long hi = equation.get(unknown) > 0 ? c - restMin : restMax - c;
                    long[] b = bounds.get(unknown);
                    if (lo > b[0] || hi < b[1]) {
                        b[0] = Math.max(b[0], lo);
                        b[1] = Math.min(b[1], hi);
                        moved = true;
                        if (b[0] > b[1]) {
                            StringBuilder terms = new StringBuilder();
                            equation.forEach((name, sign) -> terms.append(sign > 0 ? " +" : " -").append(name)
                                    .append(java.util.Arrays.toString(bounds.get(name))));
                            throw new IllegalStateException("what was published contradicts itself at " + unknown
                                    + ":" + terms + " = " + c);
                        }
                    }
                }
            }
        }
        return bounds;
    }
}
