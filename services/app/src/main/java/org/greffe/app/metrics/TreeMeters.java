package org.greffe.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.greffe.audit.application.AuditTree;
import org.greffe.audit.application.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * The Merkle tree over the sealed log and its signed heads, read at most once per 5 seconds:
 * <ul>
 *   <li>{@code greffe_audit_tree_size}: leaves of the tree, the sealed events;</li>
 *   <li>{@code greffe_audit_tree_head_size}: leaves of the tree the latest signed head covers, 0 when none;</li>
 *   <li>{@code greffe_audit_tree_unsigned_events}: sealed events no signed head covers yet;</li>
 *   <li>{@code greffe_audit_tree_head_age_seconds}: seconds since the latest head was signed, 0 when none;</li>
 *   <li>{@code greffe_audit_tree_signing_refused}: 1 while the signer refuses to sign the grown tree (a leaf or a head
 *   written behind Greffe's back), else 0 (see the alert {@code GreffeTreeSigningRefused}).</li>
 * </ul>
 * A head is signed every {@code greffe.audit.tree-head-interval} when the tree grew: unsigned events with an old head
 * mean the signer does not run (see the alert {@code GreffeTreeHeadStale}).
 */
@Component
class TreeMeters {

    private static final Logger log = LoggerFactory.getLogger(TreeMeters.class);

    private final Clock clock;
    private final Refreshed<Reading> reading;

    TreeMeters(MeterRegistry registry, AuditTree tree, Clock clock) {
        this.clock = clock;
        this.reading = new Refreshed<>(Duration.ofSeconds(5), clock, () -> {
            long size = tree.size();
            TreeHead head = tree.latestHead().orElse(null);
            return new Reading(size, head == null ? 0 : head.treeSize(),
                    head == null ? null : Instant.parse(head.timestamp()), tree.signingRefusal().isPresent());
        });
        gauge(registry, "greffe.audit.tree.size", "Leaves of the Merkle tree over the sealed log", Reading::size);
        gauge(registry, "greffe.audit.tree.head.size", "Leaves the latest signed tree head covers, 0 when none",
                Reading::headSize);
        gauge(registry, "greffe.audit.tree.unsigned.events", "Sealed events no signed tree head covers yet",
                reading -> reading.size() - reading.headSize());
        gauge(registry, "greffe.audit.tree.head.age.seconds",
                "Seconds since the latest tree head was signed, 0 when none is", this::age);
        gauge(registry, "greffe.audit.tree.signing.refused",
                "1 while Greffe refuses to sign a head for the grown tree, else 0", r -> r.signingRefused() ? 1 : 0);
    }

    private double age(Reading reading) {
        return reading.signedAt() == null ? 0
                : Math.max(0, Duration.between(reading.signedAt(), clock.instant()).toMillis() / 1000.0);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Reading> figure) {
        Gauge.builder(name, this, meters -> meters.value(figure))
             .description(description)
             .strongReference(true)
             .register(registry);
    }

    private double value(ToDoubleFunction<Reading> figure) {
        try {
            return figure.applyAsDouble(reading.get());
        } catch (RuntimeException e) {
            log.warn("Could not read the Merkle tree for the metrics: {}", e.toString());
            return Double.NaN;
        }
    }

    private record Reading(long size, long headSize, Instant signedAt, boolean signingRefused) {
    }
}
