package org.greffe.registry.application;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.greffe.registry.model.CaseCommand;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Sends registry commands with their metadata. The command, its events, its docket-number claim and its
 * idempotency record share one transaction: either all of them are stored or none. Commands of one case run one
 * after the other, each on the state the previous one committed.
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
     * @param fingerprint identifies the request, to tell a retry from a different request under the same key
     * @param respond     builds the response from the case's new version
     * @return the response, and whether it is a replay of an earlier one
     */
    public Outcome execute(CaseCommand command, RequestContext context, String fingerprint,
                           LongFunction<CommandResponse> respond) {
        return transaction.execute(status -> {
            String key = context.idempotencyKey();
            if (key != null) {
                Optional<IdempotencyStore.Recorded> earlier = idempotency.reserve(key, fingerprint);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReused();
                    }
                    return new Outcome(earlier.get().response(), true);
                }
            }
            // Key first, then case: every request takes its locks in that order, so none can deadlock.
            caseLocks.lockUntilCommit(command.caseId());
            Object result = commandGateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData()));
            CommandResponse response = respond.apply(((Number) result).longValue());
            if (key != null) {
                idempotency.complete(key, response);
            }
            return new Outcome(response, false);
        });
    }

    /**
     * The response to give.
     *
     * @param response the response
     * @param replayed true when it was recorded for an earlier request with the same key
     */
    public record Outcome(CommandResponse response, boolean replayed) {
    }
}
