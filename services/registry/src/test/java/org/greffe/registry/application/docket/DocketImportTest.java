package org.greffe.registry.application.docket;

import org.axonframework.eventhandling.DomainEventMessage;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.greffe.registry.application.DocketClaims;
import org.greffe.registry.application.InvalidDocket;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the import decides rows, with its ports held in memory ({@link InMemoryDocketPorts}) and the real {@code Case}
 * aggregate deciding: one event per accepted row with the import's metadata, outcomes counted, refusals worded with
 * the column or rule, chunks written whole or not at all, and failures that are not a row's fault stopping the
 * import after the chunks already committed.
 */
class DocketImportTest {

    private static final String HEADER = DocketFileTest.HEADER;
    private static final String FILED = "RP-2019-0001,kati,FILED,2019-02-11,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,";
    private static final String SCHEDULED = "RP-2019-0001,kati,HEARING_SCHEDULED,2019-06-04,,,,,,,,,H1,TRIAL,,,";
    private static final String ADJOURNED = "RP-2019-0001,kati,HEARING_ADJOURNED,2019-06-04,,,,,,,,,H1,,"
            + "ACCUSED_ABSENT,,";
    private static final String WITHDRAWN = "RP-2019-0001,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CaseId FILED_CASE = DocketEntry.filedCaseId(new TribunalId("kati"), "RP-2019-0001");

    private final InMemoryDocketPorts ports = new InMemoryDocketPorts();

    @Test
    void eachAcceptedRowAppendsTheCasesEventWithTheSourceAndItsOwnIdempotencyKey() {
        ImportReport report = importCsv(settings(1000, 1000), FILED, SCHEDULED, WITHDRAWN);

        assertThat(report).isEqualTo(new ImportReport(3, 3, 0, List.of(), 0));
        List<DomainEventMessage<?>> events = ports.events();
        assertThat(events).extracting(event -> event.getPayloadType().getSimpleName())
                          .containsExactly("CaseFiled", "HearingScheduled", "CaseWithdrawn");
        assertThat(events).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly(FILED_CASE.value());
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry("user", "clerk-7").containsEntry("source", "import");
            assertThat((String) event.getMetaData().get("idempotencyKey")).matches("import-[0-9a-f]{64}");
        });
        assertThat(events).extracting(event -> event.getMetaData().get("correlationId"))
                          .containsOnly(events.get(0).getMetaData().get("correlationId"));
        assertThat(events).extracting(event -> event.getMetaData().get("idempotencyKey")).doesNotHaveDuplicates();
        assertThat(ports.claims).containsExactly(
                java.util.Map.entry(DocketClaims.Docket.of(new TribunalId("kati"), "RP-2019-0001"), FILED_CASE));
        assertThat(ports.recorded).hasSize(3);
        assertThat(ports.locked).containsExactly(List.of(FILED_CASE));
    }

    @Test
    void aFileImportedAgainAppendsNothingNew() {
        importCsv(settings(1000, 2), FILED, SCHEDULED, ADJOURNED);
        int appended = ports.events().size();

        ImportReport again = importCsv(settings(1000, 2), FILED, SCHEDULED, ADJOURNED, WITHDRAWN, WITHDRAWN);

        assertThat(again).isEqualTo(new ImportReport(5, 1, 4, List.of(), 0));
        assertThat(ports.events()).hasSize(appended + 1);
    }

    @Test
    void rowsOfACaseFiledInAnEarlierChunkAreDecidedOnItsStoredEvents() {
        ImportReport report = importCsv(settings(1000, 1), FILED, SCHEDULED, ADJOURNED, WITHDRAWN);

        assertThat(report.accepted()).isEqualTo(4);
        assertThat(ports.events()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        assertThat(ports.locked).hasSize(4).allSatisfy(locked -> assertThat(locked).containsExactly(FILED_CASE));
    }

    @Test
    void rejectedRowsAreReportedWithTheirLineAndTheOthersGoOn() {
        ImportReport report = importCsv(settings(1000, 1000), FILED,
                "RP-2019-0001,kati,WITHDRAWN,2019-01-01,,,,,,,,,,,,,",
                "RP-2019-0001,kati,TRANSFERRED,2019-02-12,,,,,,,,,,,,,atlantis",
                "RP-2019-0001,kati,HEARING_HELD,2019-02-12,,,,,,,,,H9,,,,",
                "RP-2019-0003,kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,,",
                "RP-2019-0003,atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,",
                "RP-2019-0003,kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,",
                WITHDRAWN);

        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(
                new ImportReport.RejectedRow(3, "DATE_BEFORE_FILING: no effective date before the filing date: "
                        + "withdrawal on 2019-01-01 is before the filing date 2019-02-11"),
                new ImportReport.RejectedRow(4, "toTribunalId: unknown tribunal 'atlantis'"),
                new ImportReport.RejectedRow(5, "hearing: case RP-2019-0001 at kati has no hearing 'H9'; schedule it "
                        + "first with a HEARING_SCHEDULED row"),
                new ImportReport.RejectedRow(6, "docketNumber: no case with docket number 'RP-2019-0003' at tribunal "
                        + "kati; file it first (a FILED row earlier in the file, or POST /api/cases)"),
                new ImportReport.RejectedRow(7, "tribunalId: unknown tribunal 'atlantis'"),
                new ImportReport.RejectedRow(8, "the row has 16 values where the header has 17 columns"));
        assertThat(ports.events()).extracting(event -> event.getPayloadType().getSimpleName())
                                  .containsExactly("CaseFiled", "CaseWithdrawn");
        assertThat(ports.events()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
    }

    @Test
    void aRefusedFilingKeepsNoDocketNumberAndNoEvent() {
        String unknownGroup = "RP-2019-0001,kati,FILED,2019-02-11,,RAPE,1,0,0,0,NON_STATE_ARMED_GROUP,XYZ,,,,,";

        ImportReport report = importCsv(settings(1000, 1000), unknownGroup, FILED);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().extracting(ImportReport.RejectedRow::line).isEqualTo(2L);
        assertThat(ports.claims).hasSize(1);
        assertThat(ports.events()).singleElement().extracting(DomainEventMessage::getPayload)
                                  .isInstanceOf(CaseFiled.class);
    }

    @Test
    void aDocketNumberAnotherCaseHoldsIsRefusedAndItsRowsGoToThatCase() {
        CaseId apiCase = new CaseId("filed-through-the-api");
        ports.claimedElsewhere(new TribunalId("kati"), "RP-2019-0001", apiCase);

        ImportReport report = importCsv(settings(1000, 1000), FILED);

        assertThat(report.rejected()).singleElement().extracting(ImportReport.RejectedRow::error)
                                     .asString().startsWith("DOCKET_NUMBER_TAKEN");
        assertThat(ports.events()).isEmpty();
    }

    @Test
    void onlyTheFirstRejectedRowsAreListedAndAllAreCounted() {
        String csvRow = "RP-2019-0009,atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,";
        ImportReport report = importCsv(settings(2, 1000), FILED, csvRow, csvRow, csvRow, csvRow, csvRow);

        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3L, 4L);
        assertThat(report.rejectedTotal()).isEqualTo(5);
        assertThat(report.rejectedTruncated()).isTrue();
        assertThat(report.summary()).isEqualTo("6 rows: 1 accepted, 0 already imported, 5 rejected");
    }

    @Test
    void aFailureThatIsNotTheRowsFaultStopsTheImportAndKeepsTheChunksBefore() {
        DocketImport docketImport = ports.docketImport(CLOCK, settings(1000, 2));
        importCsv(docketImport, FILED, SCHEDULED);
        ports.nextAppendFailure = new DataAccessResourceFailureException("connection refused");

        assertThatThrownBy(() -> importCsv(docketImport, FILED, SCHEDULED, ADJOURNED, WITHDRAWN))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(ports.events()).hasSize(2);
        assertThat(ports.recorded).hasSize(2);

        assertThat(importCsv(docketImport, FILED, SCHEDULED, ADJOURNED, WITHDRAWN))
                .isEqualTo(new ImportReport(4, 2, 2, List.of(), 0));
        assertThat(ports.events()).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aFileThatIsNoDocketAppendsNothing() {
        DocketImport docketImport = ports.docketImport(CLOCK, settings(1000, 1000));
        assertThatThrownBy(() -> docketImport.importCsv(new StringReader("docketNumber;tribunalId\n"), source()))
                .isInstanceOf(InvalidDocket.class);
        assertThat(ports.events()).isEmpty();
        assertThat(ports.locked).isEmpty();
    }

    @Test
    void aHeaderOnlyFileImportsNothing() {
        assertThat(importCsv(settings(1000, 1000))).isEqualTo(new ImportReport(0, 0, 0, List.of(), 0));
        assertThat(ports.locked).isEmpty();
    }

    @Test
    void settingsMustBePositive() {
        assertThatThrownBy(() -> new DocketImportSettings(1000, 10, 10, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("progress-every");
        assertThatThrownBy(() -> new DocketImportSettings(1000, 10, 10, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk-rows");
        assertThatThrownBy(() -> new DocketImportSettings(1000, 10, -1, 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-reported-rejections");
    }

    private static DocketImportSettings settings(int maxReportedRejections, int chunkRows) {
        return new DocketImportSettings(1_000_000, 1000, maxReportedRejections, 1000, chunkRows);
    }

    private ImportReport importCsv(DocketImportSettings settings, String... rows) {
        return importCsv(ports.docketImport(CLOCK, settings), rows);
    }

    private static ImportReport importCsv(DocketImport docketImport, String... rows) {
        String csv = HEADER + "\n" + String.join("\n", rows);
        return docketImport.importCsv(new StringReader(csv), source());
    }

    private static ImportSource source() {
        return new ImportSource("clerk-7", "import", "test.csv");
    }
}
