package org.greffe.registry.application.docket;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.application.CaseEventHistories;
import org.greffe.registry.application.CaseLocks;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.DocketClaims;
import org.greffe.registry.application.IdempotencyStore;
import org.greffe.registry.application.MetaDataKeys;
import org.greffe.registry.model.DocketNumberFormat;
import org.greffe.registry.model.ReferenceData;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ports of {@link DocketImport} held in memory, for unit tests of how it decides rows: claims, idempotency
 * records and appended events are kept in maps and lists, written only when a chunk "commits". The database's part
 * (locks, conflicts, one statement per table) is tested on PostgreSQL by the import's integration tests.
 */
public final class InMemoryDocketPorts implements DocketClaims, IdempotencyStore, CaseLocks, CaseEventHistories {

    /** Tribunals {@code kati} and {@code mopti}, armed group {@code MSA}, the standard docket-number format. */
    public static final ReferenceData REFERENCE_DATA = new ReferenceData() {
        @Override
        public boolean isKnownTribunal(TribunalId tribunalId) {
            return Set.of("kati", "mopti").contains(tribunalId.value());
        }

        @Override
        public boolean isKnownArmedGroup(String code) {
            return "MSA".equals(code);
        }

        @Override
        public DocketNumberFormat docketNumberFormat(TribunalId tribunalId) {
            return DocketNumberFormat.STANDARD;
        }
    };

    final Map<Docket, CaseId> claims = new LinkedHashMap<>();
    final Map<String, Recorded> recorded = new HashMap<>();
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    final List<Collection<CaseId>> locked = new ArrayList<>();
    private final List<Runnable> pending = new ArrayList<>();
    /** Thrown by the next appended chunk instead of appending, then cleared. */
    RuntimeException nextAppendFailure;

    /** A docket import over these ports, with the application's correlation-data provider. */
    public DocketImport docketImport(Clock clock, DocketImportSettings settings) {
        SimpleEventBus eventBus = SimpleEventBus.builder().build();
        eventBus.registerDispatchInterceptor(messages -> {
            if (nextAppendFailure != null) {
                RuntimeException failure = nextAppendFailure;
                nextAppendFailure = null;
                throw failure;
            }
            for (EventMessage<?> message : messages) {
                pending.add(() -> events.add((DomainEventMessage<?>) message));
            }
            return (index, message) -> message;
        });
        return new DocketImport(new TransactionTemplate(new Transactions()), this, this, this, this, eventBus,
                () -> List.of(new SimpleCorrelationDataProvider(MetaDataKeys.ALL.toArray(String[]::new))),
                REFERENCE_DATA, clock, settings);
    }

    /** Every event appended so far, in order. */
    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }

    @Override
    public Map<Docket, CaseId> holdersOf(Collection<Docket> dockets) {
        Map<Docket, CaseId> found = new HashMap<>();
        dockets.stream().filter(claims::containsKey).forEach(docket -> found.put(docket, claims.get(docket)));
        return found;
    }

    @Override
    public Set<Docket> claimAll(List<Claim> newClaims) {
        Set<Docket> refused = new HashSet<>();
        for (Claim claim : newClaims) {
            if (claims.containsKey(claim.docket())) {
                refused.add(claim.docket());
            } else {
                pending.add(() -> claims.put(claim.docket(), claim.caseId()));
            }
        }
        return refused;
    }

    /** A claim committed by someone else. */
    void claimedElsewhere(TribunalId tribunalId, String docketNumber, CaseId caseId) {
        claims.put(Docket.of(tribunalId, docketNumber), caseId);
    }

    @Override
    public Optional<Recorded> reserve(String key, String fingerprint, CommandResult foreseen) {
        throw new UnsupportedOperationException("the import records keys a chunk at a time");
    }

    @Override
    public void complete(String key, CommandResult result) {
        throw new UnsupportedOperationException("the import records keys a chunk at a time");
    }

    @Override
    public Map<String, Recorded> findAll(Collection<String> keys) {
        Map<String, Recorded> found = new HashMap<>();
        keys.stream().filter(recorded::containsKey).forEach(key -> found.put(key, recorded.get(key)));
        return found;
    }

    @Override
    public Set<String> recordAll(List<Completed> completed) {
        Set<String> refused = new HashSet<>();
        for (Completed one : completed) {
            if (recorded.containsKey(one.key())) {
                refused.add(one.key());
            } else {
                pending.add(() -> recorded.put(one.key(), new Recorded(one.fingerprint(), one.result().asReplay())));
            }
        }
        return refused;
    }

    @Override
    public void lockUntilCommit(CaseId caseId) {
        lockAllUntilCommit(List.of(caseId));
    }

    @Override
    public void lockAllUntilCommit(Collection<CaseId> caseIds) {
        locked.add(List.copyOf(caseIds));
    }

    @Override
    public Map<CaseId, List<DomainEventMessage<?>>> of(Collection<CaseId> caseIds) {
        Map<CaseId, List<DomainEventMessage<?>>> histories = new HashMap<>();
        for (DomainEventMessage<?> event : events) {
            CaseId caseId = new CaseId(event.getAggregateIdentifier());
            if (caseIds.contains(caseId)) {
                histories.computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
            }
        }
        return histories;
    }

    /** Applies a chunk's writes when it commits, drops them when it rolls back. */
    private final class Transactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            pending.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            pending.forEach(Runnable::run);
            pending.clear();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            pending.clear();
        }
    }
}
