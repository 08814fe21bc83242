package org.greffe.caseload.application;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.greffe.platform.eventlog.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionPositionTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    private static TokenTable.StoredToken segment(int id, TrackingToken token) {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(token, byte[].class);
        return new TokenTable.StoredToken(id, token, stored.getData(), stored.getType().getName());
    }

    /** Generation 3, the log's head at 12. */
    private static ProjectionPosition.State state(Set<Long> storedGaps, TokenTable.StoredToken... segments) {
        return ProjectionPosition.of(3, new TokenTable.Reading(List.of(segments), 12), storedGaps);
    }

    @Test
    void aTokenWithoutStoredGapsHasFoldedEverythingUpToItsIndex() {
        assertThat(ProjectionPosition.folded(token(12), Set.of())).isEqualTo(12);
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of())).as("gaps nobody committed into")
                                                                          .isEqualTo(12);
        assertThat(ProjectionPosition.folded(null, Set.of())).isZero();
    }

    @Test
    void aStoredEventInAGapStopsThePositionJustBelowIt() {
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of(9L))).isEqualTo(8);
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of(5L, 9L))).isEqualTo(4);
        assertThat(ProjectionPosition.folded(ReplayToken.createReplayToken(token(20), token(12, 9L)), Set.of(9L)))
                .as("a replay's current token").isEqualTo(8);
    }

    @Test
    void theLowestSegmentGivesThePosition() {
        ProjectionPosition.State state = state(Set.of(9L), segment(0, token(12, 9L)), segment(1, token(12)));

        assertThat(state.position()).isEqualTo(8);
        assertThat(state.head()).isEqualTo(12);
        assertThat(state.replaying()).isFalse();
    }

    @Test
    void foldingALateEventIntoAGapChangesTheVersionThoughNoIndexMoves() {
        ProjectionPosition.State before = state(Set.of(), segment(0, token(12, 9L)), segment(1, token(12, 9L)));
        ProjectionPosition.State after = state(Set.of(), segment(0, token(12)), segment(1, token(12)));

        assertThat(after.position()).isEqualTo(before.position()).isEqualTo(12);
        assertThat(after.version()).isNotEqualTo(before.version()).startsWith("g3 0:12 1:12 #");
    }

    @Test
    void theSameTokensGiveTheSameVersion() {
        assertThat(state(Set.of(), segment(0, token(12, 9L))).version())
                .isEqualTo(state(Set.of(), segment(0, token(12, 9L))).version());
    }

    @Test
    void theGenerationIsTheOneReadWithTheTokens() {
        List<TokenTable.Reading> readings = new ArrayList<>(List.of(
                new TokenTable.Reading(List.of(segment(0, token(7))), 12, 4)));
        TokenTable tokens = new TokenTable(null, SERIALIZER) {
            @Override
            public Reading read(String processorName, String alongside) {
                assertThat(alongside).isEqualTo("SELECT generation FROM caseload_generation");
                return readings.remove(0);
            }

            @Override
            public Set<Long> stored(Collection<Long> indexes) {
                return Set.of();
            }
        };

        ProjectionPosition.State state = new ProjectionPosition(tokens, "SELECT generation FROM caseload_generation",
                "caseload").state();

        assertThat(state.version()).as("the rebuild's tokens with the rebuild's generation").startsWith("g4 0:7 #");
        assertThat(state.position()).isEqualTo(7);
        assertThat(readings).isEmpty();
    }
}
