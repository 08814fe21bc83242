package org.greffe.registry.application;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.OffenceCategory;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.ScheduleHearing;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * How the command path records an idempotency key: with the result at the reservation when the result is known
 * before the command runs, else completed afterwards, and always after the key, before the case.
 */
class CaseCommandsTest {

    private static final String KEY = "import-" + "0123456789abcdef".repeat(4);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final IdempotencyStore idempotency = mock(IdempotencyStore.class);
    private final CaseLocks locks = mock(CaseLocks.class);
    private final CaseCommands commands = new CaseCommands(gateway, idempotency, locks,
            new TransactionTemplate(new NoDatabase()));
    private final CaseId caseId = CaseId.random();

    @Test
    void aFilingIsRecordedWithItsResultAtTheReservationAndNotCompleted() {
        CommandResult foreseen = new CommandResult(caseId, null, 0, false);
        when(idempotency.reserve(KEY, "f", foreseen)).thenReturn(Optional.empty());
        when(gateway.sendAndWait(any())).thenReturn(0L);

        CommandResult result = commands.execute(filing(), context(KEY), "f");

        assertThat(result).isEqualTo(foreseen);
        verify(idempotency, never()).complete(anyString(), any());
    }

    @Test
    void aCommandSentWithTheVersionItExpectsIsRecordedWithTheNextVersion() {
        HearingId hearing = HearingId.random();
        CommandResult foreseen = new CommandResult(caseId, hearing, 4, false);
        when(idempotency.reserve(KEY, "f", foreseen)).thenReturn(Optional.empty());
        when(gateway.sendAndWait(any())).thenReturn(4L);

        assertThat(commands.execute(hearing(hearing, 3L), context(KEY), "f")).isEqualTo(foreseen);
        verify(idempotency, never()).complete(anyString(), any());
    }

    @Test
    void aResultNotForeseenIsCompletedAsItIs() {
        HearingId hearing = HearingId.random();
        when(idempotency.reserve(eq(KEY), eq("f"), isNull())).thenReturn(Optional.empty());
        when(gateway.sendAndWait(any())).thenReturn(7L);

        CommandResult result = commands.execute(hearing(hearing, null), context(KEY), "f");

        assertThat(result).isEqualTo(new CommandResult(caseId, hearing, 7, false));
        var order = inOrder(idempotency, locks, gateway);
        order.verify(idempotency).reserve(eq(KEY), eq("f"), isNull());
        order.verify(locks).lockUntilCommit(caseId);
        order.verify(gateway).sendAndWait(any());
        order.verify(idempotency).complete(KEY, result);
    }

    @Test
    void aResultOtherThanForeseenIsCompletedAsItIs() {
        HearingId hearing = HearingId.random();
        when(idempotency.reserve(eq(KEY), eq("f"), any())).thenReturn(Optional.empty());
        when(gateway.sendAndWait(any())).thenReturn(9L);

        CommandResult result = commands.execute(hearing(hearing, 3L), context(KEY), "f");

        verify(idempotency).complete(KEY, result);
        assertThat(result.version()).isEqualTo(9);
    }

    @Test
    void aRetryAnswersWhatWasRecordedWithoutLockingOrSending() {
        CommandResult recorded = new CommandResult(caseId, null, 0, false);
        when(idempotency.reserve(eq(KEY), eq("f"), any()))
                .thenReturn(Optional.of(new IdempotencyStore.Recorded("f", recorded.asReplay())));

        assertThat(commands.execute(filing(), context(KEY), "f").replayed()).isTrue();
        verify(locks, never()).lockUntilCommit(any());
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void withoutAKeyNothingIsRecorded() {
        when(gateway.sendAndWait(any())).thenReturn(0L);

        commands.execute(filing(), context(null), "f");

        verify(idempotency, never()).reserve(anyString(), anyString(), any());
        verify(idempotency, never()).complete(anyString(), any());
        verify(locks).lockUntilCommit(caseId);
    }

    private CaseCommand filing() {
        return new FileCase(caseId, "RP-2019-1", new TribunalId("kati"), LocalDate.of(2019, 3, 14), null,
                OffenceCategory.RAPE, new Victims(1, 0, 0, 0), AccusedAffiliation.UNIDENTIFIED, null);
    }

    private CaseCommand hearing(HearingId hearing, Long expectedVersion) {
        return new ScheduleHearing(caseId, hearing, HearingKind.TRIAL, LocalDate.of(2019, 9, 1), expectedVersion);
    }

    private static RequestContext context(String key) {
        return new RequestContext("clerk", UUID.randomUUID().toString(), key, "api");
    }

    /** Transactions with nothing behind them: the command path's only use of them here is to begin and commit. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
