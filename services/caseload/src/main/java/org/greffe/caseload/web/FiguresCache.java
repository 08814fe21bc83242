package org.greffe.caseload.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Figures already computed, by what was asked and the projection's version they were computed at. The projection's
 * tables change only when a segment's token moves, so an entry is exact for as long as its version is current; a
 * new event makes a new version and every later request a miss. Bounded: the least recently used entry goes first.
 * Two requests that miss together both compute; the figures are the same.
 */
final class FiguresCache {

    private final Map<Object, Object> entries;

    FiguresCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The figures for the key, computed once per key while the key stays among the most recently used. */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        synchronized (entries) {
            Object cached = entries.get(key);
            if (cached != null) {
                return (T) cached;
            }
        }
        T computed = compute.get();
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
