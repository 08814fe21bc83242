package org.greffe.audit.infrastructure;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.greffe.audit.application.TokenPositions;
import org.greffe.platform.eventlog.TokenTable;

import java.util.Optional;

/** Token positions and the log's head, read through the event log's one adapter, {@link TokenTable}. */
public class TokenTablePositions implements TokenPositions {

    private final TokenTable tokens;

    public TokenTablePositions(TokenTable tokens) {
        this.tokens = tokens;
    }

    @Override
    public long position(String processorName) {
        return tokens.read(processorName).position();
    }

    @Override
    public long head() {
        return tokens.head();
    }

    /**
     * Read with the tokens, the head covers every event they passed; an event committed into a gap after the tokens
     * were read counts as unread, which it may well be.
     */
    @Override
    public long unread(String processorName) {
        TokenTable.Reading reading = tokens.read(processorName);
        return reading.tokens().stream().mapToLong(token -> unread(token.token(), reading.head())).max()
                      .orElse(reading.head());
    }

    private long unread(TrackingToken token, long head) {
        if (token == null) {
            return head;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isEmpty()) {
            return Math.max(0, head - token.position().orElse(0L));
        }
        long past = Math.max(0, head - gapAware.get().getIndex());
        return past + tokens.stored(gapAware.get().getGaps()).size();
    }
}
