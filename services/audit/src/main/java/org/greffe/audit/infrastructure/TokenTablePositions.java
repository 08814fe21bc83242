package org.greffe.audit.infrastructure;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.greffe.audit.application.TokenPositions;
import org.greffe.platform.eventlog.TokenTable;

import java.util.Optional;
import java.util.Set;

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
     * were read counts as unread, which it may well be. A segment counts only the events Axon gives it (by their
     * aggregate, as its sequencing policy does; an event outside any aggregate counts for every segment): Axon writes
     * the token of a segment with nothing to fold only about once a second, so the others' events above it are no lag.
     * A segment more than {@value TokenTable#LOOK_AHEAD} events behind counts every event above it.
     */
    @Override
    public long unread(String processorName) {
        TokenTable.Reading reading = tokens.read(processorName);
        return reading.tokens().stream()
                      .mapToLong(token -> unread(reading.segment(token), token.token(), reading.head()))
                      .max().orElse(reading.head());
    }

    private long unread(Segment segment, TrackingToken token, long head) {
        if (token == null) {
            return head;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isEmpty()) {
            return Math.max(0, head - token.position().orElse(0L));
        }
        long index = gapAware.get().getIndex();
        Set<Long> gaps = gapAware.get().getGaps();
        long past = Math.max(0, head - index);
        if (past > TokenTable.LOOK_AHEAD) {
            return past + tokens.stored(gaps).size();
        }
        return tokens.appended(gaps, index, head, TokenTable.LOOK_AHEAD).unfolded(segment, index, gaps).count();
    }
}
