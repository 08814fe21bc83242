package org.greffe.registry.application;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.greffe.events.HearingId;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.ScheduleHearing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Sends registry commands with their metadata. The command, its events, its docket-number claim and its
 * idempotency record share one transaction: either all of them are stored or none. Commands of one case run one
 * after the other, each on the state the previous one committed. Whatever the registry refuses comes out as a
 * {@link Rejection}, whether the aggregate, Axon or the idempotency check refused it; anything else is a failure.
 */
@Service
public class CaseCommands {

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotency;
    private final CaseLocks caseLocks;
    private final TransactionTemplate transaction;

    public CaseCommands(CommandGateway commandGateway, IdempotencyStore idempotency, CaseLocks caseLocks,
                        TransactionTemplate transaction) {
        this.commandGateway = commandGateway;
        this.idempotency = idempotency;
        this.caseLocks = caseLocks;
        this.transaction = transaction;
    }

    /**
     * Executes the command once per idempotency key.
     *
     * @param command     the command
     * @param context     who asks and how, in stored form; its idempotency key may be null
     * @param fingerprint identifies the request, to tell a retry from a different request under the same key; may be
     *                    null when the context has no idempotency key
     * @return what the command did, or what it did the first time when this is a retry
     * @throws Rejection when the registry refuses the command; nothing was recorded
     */
    public CommandResult execute(CaseCommand command, RequestContext context, String fingerprint) {
        try {
            return executeOnce(command, context, fingerprint);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    private CommandResult executeOnce(CaseCommand command, RequestContext context, String fingerprint) {
        return transaction.execute(status -> {
            String key = context.idempotencyKey();
            CommandResult foreseen = foreseen(command);
            if (key != null) {
                Optional<IdempotencyStore.Recorded> earlier = idempotency.reserve(key, fingerprint, foreseen);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReused();
                    }
                    return earlier.get().result();
                }
            }
            // Key first, then case: every request takes its locks in that order, so none can deadlock.
            caseLocks.lockUntilCommit(command.caseId());
            Object version = commandGateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData()));
            CommandResult result = new CommandResult(command.caseId(), scheduledHearing(command),
                    ((Number) version).longValue(), false);
            if (key != null && !result.equals(foreseen)) {
                idempotency.complete(key, result);
            }
            return result;
        });
    }

    /**
     * The refusal a failure stands for, or the failure itself when it is no refusal. Axon hands on what a command
     * handler threw wrapped in {@link CommandExecutionException}, and refuses a stale or concurrent change and an
     * unknown case with exceptions of its own: the one place they are unwrapped and named as the registry names them,
     * for the command path and the bulk docket import alike.
     */
    public static RuntimeException refusal(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CommandExecutionException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof Rejection rejection) {
            return rejection;
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return new CaseNotFound(String.valueOf(notFound.getAggregateIdentifier()));
        }
        if (cause instanceof ConflictingAggregateVersionException stale) {
            return CaseChanged.since(stale.getAggregateIdentifier(), stale.getActualVersion(),
                    stale.getExpectedVersion());
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return CaseChanged.concurrently();
        }
        return e;
    }

    /**
     * The result the command has if it succeeds, when that is known before it runs, or null: a filing makes a case's
     * first version, 0; a command sent with the version it expects makes the next one, since every accepted command
     * appends one event. With an idempotency key, a foreseen result is recorded with the reservation, one statement
     * instead of two; a result that turns out otherwise is recorded as it is.
     */
    private static CommandResult foreseen(CaseCommand command) {
        if (command instanceof FileCase) {
            return new CommandResult(command.caseId(), null, 0, false);
        }
        Long expected = command.expectedVersion();
        return expected == null ? null
                : new CommandResult(command.caseId(), scheduledHearing(command), expected + 1, false);
    }

    private static HearingId scheduledHearing(CaseCommand command) {
        return command instanceof ScheduleHearing schedule ? schedule.hearingId() : null;
    }
}
