package org.greffe.caseload.application;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.greffe.platform.eventlog.TokenTable;
import org.greffe.platform.eventlog.TokenTable.StoredToken;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far the caseload projection has read the event log, next to how far the log goes: figures name the position
 * they were computed at, and a reader can tell whether they are up to date.
 *
 * <p>Why gaps matter: {@code global_index} comes from a sequence, so an append that took a lower index can commit
 * after one that took a higher index. Axon's token then holds the lower index as a gap and folds the event when it
 * commits, without its index moving. Both what this class calls the position and the version therefore look at the
 * gaps: the position stops below the lowest gap whose event is stored but not folded yet, and the version digests
 * every token whole, so that folding a late event changes it like any other fold.
 *
 * <p>The tokens, the head and the tables' generation are read in one statement through the event log's one adapter,
 * {@link TokenTable}. A projection behind the log may be waiting for a bulk build at start-up, which fills it in one
 * transaction and reports its progress apart ({@link CatchUpProgress}); that report is read only then.
 */
public class ProjectionPosition {

    private static final int DIGEST_BYTES = 8;
    private static final long POLL_MILLIS = 20;

    private final TokenTable tokens;
    private final String generationQuery;
    private final String processor;
    private final CatchUpProgress catchUps;

    /**
     * @param tokens          the token table
     * @param generationQuery the SQL that reads the projection tables' generation, which a rebuild moves on in the
     *                        transaction that replaces the tokens
     * @param processor       the projection's processor
     * @param catchUps        where a bulk build at start-up reports its progress
     */
    public ProjectionPosition(TokenTable tokens, String generationQuery, String processor,
                              CatchUpProgress catchUps) {
        this.tokens = tokens;
        this.generationQuery = generationQuery;
        this.processor = processor;
        this.catchUps = catchUps;
    }

    /** Where the projection stands: its tokens, its tables' generation, the log's head, and a build under way. */
    public State state() {
        // One statement: the version never names new tokens with the generation of the tables they replaced.
        TokenTable.Reading reading = tokens.read(processor, generationQuery);
        long before = reading.alongside();
        State state;
        if (reading.tokens().isEmpty()) {
            state = new State(0L, reading.head(), false, "g" + before);
        } else {
            // Read after the tokens: an event found stored here and missing from a token is not in the figures that
            // token covers, whichever committed first. Counting one folded meanwhile only lowers the position.
            Set<Long> gaps = reading.tokens().stream().flatMap(segment -> gaps(segment.token()).stream())
                                    .collect(Collectors.toCollection(TreeSet::new));
            long lowest = reading.tokens().stream().mapToLong(segment -> index(segment.token())).min().orElse(0L);
            state = lowest >= reading.head() && gaps.isEmpty()
                    ? of(before, reading, new TokenTable.Appended(new TreeMap<>(), reading.head()))
                    : of(before, reading, tokens.appended(gaps, lowest, reading.head(), TokenTable.LOOK_AHEAD));
        }
        // A bulk build commits the whole projection with its tokens: until then the tokens lag behind the head.
        return state.position() < state.head() ? catchUps.current().map(state::buildingInBulk).orElse(state) : state;
    }

    /**
     * Where the projection stands once it has folded the log up to {@code atLeast}, or as it stands when the patience
     * runs out first, or while it is built from the start of the log (its figures are not final then, whatever its
     * position). Polls every {@value #POLL_MILLIS} ms: the projection may be folding on another instance.
     */
    public State awaitAt(long atLeast, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        State state = state();
        while (state.position() < atLeast && !state.replaying() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return state;
            }
            state = state();
        }
        return state;
    }

    /**
     * The state the segments' tokens give.
     *
     * @param generation the projection tables' generation
     * @param reading    the processor's segments, in segment order, none missing, and the log's head
     * @param appended   the stored events among the tokens' gaps and above the lowest token, with their sequences
     */
    static State of(long generation, TokenTable.Reading reading, TokenTable.Appended appended) {
        List<StoredToken> segments = reading.tokens();
        long position = segments.stream()
                                .mapToLong(segment -> folded(reading.segment(segment), segment.token(), appended))
                                .min().orElse(0L);
        // Axon keeps a replay token until the next new event after the replay, so "reached the position where the
        // log stood at the reset" is the test for a finished replay, not "still a replay token".
        boolean replaying = segments.stream().map(StoredToken::token).anyMatch(
                token -> token instanceof ReplayToken replay && (replay.getCurrentToken() == null
                        || !replay.getCurrentToken().covers(replay.getTokenAtReset())));
        StringBuilder version = new StringBuilder("g").append(generation).append(' ');
        for (StoredToken segment : segments) {
            version.append(segment.segment()).append(':').append(segment.token() == null ? "-"
                    : segment.token().position().orElse(-1L)).append(replaying ? "r" : "").append(' ');
        }
        version.append('#').append(digest(segments));
        return new State(position, reading.head(), replaying, version.toString());
    }

    /**
     * The highest index at and below which every stored event of the segment has passed through its token. Below the
     * token's index, that is the index unless a gap holds a stored event of the segment, which the token has not folded
     * yet. Above it, Axon moves the token of a segment that had nothing to handle only about once a second: up to the
     * first stored event of the segment (or of no aggregate) that the token has not reached, nothing is left to fold
     * (its figures are as they would be with the token there).
     */
    static long folded(Segment segment, TrackingToken token, TokenTable.Appended appended) {
        if (token == null) {
            return 0L;
        }
        long index = index(token);
        OptionalLong first = appended.unfolded(segment, index, gaps(token)).findFirst();
        return first.isPresent() ? first.getAsLong() - 1 : Math.max(index, appended.readTo());
    }

    /** The global index a token has reached: 0 without a token. */
    private static long index(TrackingToken token) {
        if (token == null) {
            return 0L;
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class).map(GapAwareTrackingToken::getIndex)
                           .orElseGet(() -> token.position().orElse(0L));
    }

    private static SortedSet<Long> gaps(TrackingToken token) {
        return token == null ? new TreeSet<>() : WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                                                            .map(GapAwareTrackingToken::getGaps)
                                                            .orElseGet(TreeSet::new);
    }

    /**
     * A digest of every token as stored: any fold changes some token (its index moves or a gap leaves it), so it
     * changes the digest.
     */
    private static String digest(List<StoredToken> segments) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (StoredToken segment : segments) {
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(segment.segment()).array());
                byte[] type = segment.type() == null ? new byte[0]
                        : segment.type().getBytes(StandardCharsets.UTF_8);
                byte[] stored = segment.data() == null ? new byte[0] : segment.data();
                sha.update(ByteBuffer.allocate(Integer.BYTES * 2).putInt(type.length).putInt(stored.length).array());
                sha.update(type);
                sha.update(stored);
            }
            byte[] hash = sha.digest();
            return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The projection's progress.
     *
     * @param position  the highest global index at and below which every stored event has been folded by every
     *                  segment of the processor; 0 when it has read nothing. It stops below an event that committed
     *                  late into a gap until that event is folded, and below an event the projection cannot fold
     * @param head      the global index of the newest stored event; 0 for an empty log
     * @param replaying true while the projection is built from the start of the log, so that its figures are not
     *                  final: its processor replays the log (a rebuild by replay, or a first catch-up event by
     *                  event), or a bulk build at start-up is filling it ({@code bulkBuild})
     * @param version   the tables' generation, every segment's position and a digest of every segment's token with
     *                  its gaps: the projection's tables change only when a token changes, since each segment writes
     *                  its rows and its token in one transaction, and a rebuild moves the generation on
     * @param bulkBuild the bulk build at start-up that is filling the projection, as its builder last reported, on
     *                  this instance or another; {@code null} when none is
     */
    public record State(long position, long head, boolean replaying, String version, BuildProgress bulkBuild) {

        /** Where the projection stands with no bulk build under way. */
        public State(long position, long head, boolean replaying, String version) {
            this(position, head, replaying, version, null);
        }

        /** The same state, while the bulk build is filling the projection: its figures are not final. */
        public State buildingInBulk(BuildProgress build) {
            return new State(position, head, true, version, build);
        }

        /**
         * How far the build readers wait for has got: the bulk build's report, or else where the processor stands.
         * Meaningful while {@link #replaying}.
         */
        public BuildProgress progress() {
            return bulkBuild != null ? bulkBuild : new BuildProgress(false, position, head, 0);
        }
    }
}
