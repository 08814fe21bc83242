package org.greffe.registry.application.docket;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.events.TribunalId;
import org.greffe.registry.application.CaseChanged;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.CaseNotFound;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.InvalidDocket;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.CaseRuleViolation;
import org.greffe.registry.model.DocketNumbers;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.ReferenceData;
import org.greffe.registry.model.Rule;
import org.greffe.registry.model.UnknownReferenceData;
import org.greffe.registry.model.WithdrawCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * How the import drives the command path, with the command path replaced by a mock: one command per row with the
 * row's idempotency key, outcomes counted, rejections worded with the column or rule, and failures that are not a
 * row's fault stopping the import.
 */
class DocketImportTest {

    private static final String HEADER = DocketFileTest.HEADER;
    private static final String FILED = "RP-1,kati,FILED,2019-02-11,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,";
    private static final String WITHDRAWN = "RP-1,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,";
    private static final CaseId API_CASE = new CaseId("filed-through-the-api");

    private final CaseCommands commands = mock(CaseCommands.class);
    private final DocketNumbers docketNumbers = mock(DocketNumbers.class);
    private final ReferenceData referenceData = mock(ReferenceData.class);
    private DocketImport docketImport;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);
        docketImport = new DocketImport(commands, docketNumbers, referenceData, clock, 1_000_000, 1000, 1000, 2);
        when(referenceData.isKnownTribunal(any())).thenAnswer(call ->
                Set.of("kati", "mopti").contains(call.<TribunalId>getArgument(0).value()));
        when(docketNumbers.find(new TribunalId("kati"), "RP-2")).thenReturn(Optional.of(API_CASE));
    }

    @Test
    void eachRowRunsItsCommandWithTheSourceAndItsOwnIdempotencyKey() {
        when(commands.execute(any(), any(), anyString())).thenReturn(result(false));
        ImportReport report = importCsv(FILED, "RP-2,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,");

        assertThat(report).isEqualTo(new ImportReport(2, 2, 0, List.of(), 0));
        ArgumentCaptor<CaseCommand> sent = ArgumentCaptor.forClass(CaseCommand.class);
        ArgumentCaptor<RequestContext> contexts = ArgumentCaptor.forClass(RequestContext.class);
        verify(commands, times(2)).execute(sent.capture(), contexts.capture(), anyString());
        assertThat(sent.getAllValues().get(0)).isInstanceOf(FileCase.class)
                .extracting(CaseCommand::caseId).isEqualTo(DocketEntry.filedCaseId(new TribunalId("kati"), "RP-1"));
        assertThat(sent.getAllValues().get(1)).isInstanceOf(WithdrawCase.class)
                .extracting(CaseCommand::caseId).isEqualTo(API_CASE);
        assertThat(contexts.getAllValues()).allSatisfy(context -> {
            assertThat(context.user()).isEqualTo("clerk-7");
            assertThat(context.source()).isEqualTo("import");
            assertThat(context.idempotencyKey()).matches("import-[0-9a-f]{64}");
        });
        assertThat(contexts.getAllValues()).extracting(RequestContext::correlationId).containsOnly(
                contexts.getAllValues().get(0).correlationId());
        assertThat(contexts.getAllValues()).extracting(RequestContext::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void aReplayedRowCountsAsAlreadyImported() {
        when(commands.execute(any(), any(), anyString())).thenReturn(result(true));
        assertThat(importCsv(FILED)).isEqualTo(new ImportReport(1, 0, 1, List.of(), 0));
    }

    @Test
    void rejectedRowsAreReportedWithTheirLineAndTheOthersGoOn() {
        when(commands.execute(any(), any(), anyString()))
                .thenThrow(new CaseRuleViolation(Rule.DATE_BEFORE_FILING, "withdrawal on 2019-01-01 is before"))
                .thenThrow(new UnknownReferenceData("toTribunalId", "unknown tribunal 'atlantis'"))
                .thenThrow(new HearingNotFound(API_CASE, new HearingId("h")))
                .thenReturn(result(false));
        ImportReport report = importCsv(
                "RP-2,kati,WITHDRAWN,2019-01-01,,,,,,,,,,,,,",
                "RP-2,kati,TRANSFERRED,2019-02-01,,,,,,,,,,,,,atlantis",
                "RP-2,kati,HEARING_HELD,2019-02-01,,,,,,,,,H9,,,,",
                "RP-2,kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,,",
                "RP-3,kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,,",
                "RP-3,atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,",
                "RP-3,kati,WITHDRAWN,2019-02-01,,,,,,,,,,,,");

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).containsExactly(
                new ImportReport.RejectedRow(2, "DATE_BEFORE_FILING: no effective date before the filing date: "
                        + "withdrawal on 2019-01-01 is before"),
                new ImportReport.RejectedRow(3, "toTribunalId: unknown tribunal 'atlantis'"),
                new ImportReport.RejectedRow(4, "hearing: case RP-2 at kati has no hearing 'H9'; schedule it first "
                        + "with a HEARING_SCHEDULED row"),
                new ImportReport.RejectedRow(6, "docketNumber: no case with docket number 'RP-3' at tribunal kati; "
                        + "file it first (a FILED row earlier in the file, or POST /api/cases)"),
                new ImportReport.RejectedRow(7, "tribunalId: unknown tribunal 'atlantis'"),
                new ImportReport.RejectedRow(8, "the row has 16 values where the header has 17 columns"));
    }

    @Test
    void aCaseThatIsGoneOrChangedMeanwhileIsReportedInTheFilesTerms() {
        when(commands.execute(any(), any(), anyString()))
                .thenThrow(new CaseNotFound(API_CASE.value()))
                .thenThrow(CaseChanged.concurrently());
        ImportReport report = importCsv(WITHDRAWN.replace("RP-1", "RP-2"), WITHDRAWN.replace("RP-1", "RP-2"));

        assertThat(report.rejected()).containsExactly(
                new ImportReport.RejectedRow(2, "docketNumber: no case with docket number 'RP-2' at tribunal kati"),
                new ImportReport.RejectedRow(3, "another command changed the case at the same time; nothing was "
                        + "recorded for this row, import the file again to retry it"));
    }

    @Test
    void onlyTheFirstRejectedRowsAreListedAndAllAreCounted() {
        DocketImport bounded = new DocketImport(commands, docketNumbers, referenceData, Clock.systemUTC(), 1_000_000,
                1000, 2, 1000);
        when(commands.execute(any(), any(), anyString())).thenReturn(result(false));
        String csv = HEADER + "\n" + FILED + "\n" + "RP-9,atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,\n".repeat(5);

        ImportReport report = bounded.importCsv(new StringReader(csv), source());

        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3L, 4L);
        assertThat(report.rejectedTotal()).isEqualTo(5);
        assertThat(report.rejectedTruncated()).isTrue();
        assertThat(report.summary()).isEqualTo("6 rows: 1 accepted, 0 already imported, 5 rejected");
        assertThat(importCsv(FILED, "RP-9,atlantis,WITHDRAWN,2019-02-01,,,,,,,,,,,,,").rejectedTruncated()).isFalse();
    }

    @Test
    void aFailureThatIsNotTheRowsFaultStopsTheImport() {
        when(commands.execute(any(), any(), anyString()))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));
        assertThatThrownBy(() -> importCsv(FILED, WITHDRAWN))
                .isInstanceOf(DataAccessResourceFailureException.class);
        verify(commands, times(1)).execute(any(), any(), anyString());
    }

    @Test
    void aFileThatIsNoDocketRunsNoCommand() {
        assertThatThrownBy(() -> docketImport.importCsv(new StringReader("docketNumber;tribunalId\n"), source()))
                .isInstanceOf(InvalidDocket.class);
        verifyNoInteractions(commands);
    }

    @Test
    void aHeaderOnlyFileImportsNothing() {
        assertThat(importCsv()).isEqualTo(new ImportReport(0, 0, 0, List.of(), 0));
        verifyNoInteractions(commands);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new DocketImport(commands, docketNumbers, referenceData, Clock.systemUTC(), 1000, 10,
                10, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("progress-every");
        assertThatThrownBy(() -> new DocketImport(commands, docketNumbers, referenceData, Clock.systemUTC(), 1000, 10,
                -1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-reported-rejections");
    }

    private ImportReport importCsv(String... rows) {
        String csv = HEADER + "\n" + String.join("\n", rows);
        return docketImport.importCsv(new StringReader(csv), source());
    }

    private static ImportSource source() {
        return new ImportSource("clerk-7", "import", "test.csv");
    }

    private static CommandResult result(boolean replayed) {
        return new CommandResult(API_CASE, null, 1, replayed);
    }
}
