package org.greffe.registry.application.docket;

import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.InvalidDocket;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a docket file: header, comments, quoting and line numbers, and what makes a file no docket at all. */
class DocketFileTest {

    static final String HEADER = String.join(",", DocketFile.COLUMNS);

    @Test
    void rowsCarryTheLineTheyStartOnCountingCommentsBlankLinesAndQuotedLineBreaks() throws IOException {
        String csv = """
                # Docket of Bamako commune III, first half of 2019
                %s
                RP-1,bamako-commune-iii,FILED,2019-02-11,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,

                # a comment between rows
                "RP-1",bamako-commune-iii,"HEARING_SCHEDULED",2019-06-04,,,,,,,,,"H
                1",TRIAL,,,
                ,,,,,,,,,,,,,,,,
                RP-1,bamako-commune-iii,WITHDRAWN,2019-07-01,,,,,,,,,,,,,""".formatted(HEADER);
        List<DocketFile.Row> rows = rows(new StringReader(csv), 100);

        assertThat(rows).extracting(DocketFile.Row::line).containsExactly(3L, 6L, 9L);
        assertThat(rows.get(1).values()).containsEntry("event", "HEARING_SCHEDULED").containsEntry("hearing", "H\n1");
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(17));
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderWithCrLfLineEnds() throws IOException {
        List<String> reversed = new ArrayList<>(DocketFile.COLUMNS);
        Collections.reverse(reversed);
        String csv = String.join(",", reversed) + "\r\n" + ",,,,,,,,,,,,,2019-07-01,WITHDRAWN,kati,RP-1\r\n";
        List<DocketFile.Row> rows = rows(new StringReader(csv), 100);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.values()).containsEntry("docketNumber", "RP-1").containsEntry("tribunalId", "kati")
                                    .containsEntry("event", "WITHDRAWN");
        });
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        String csv = "\uFEFF" + HEADER + "\nRP-1,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n";
        assertThat(rows(new StringReader(csv), 100)).hasSize(1);
    }

    @Test
    void aHeaderWithoutTheDocketColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> rows(new StringReader("{\"docketNumber\":\"RP-1\"}\n"), 100))
                .isInstanceOf(InvalidDocket.class)
                .hasMessageStartingWith("the header lacks the columns [docketNumber, tribunalId, event, date, ")
                .hasMessageContaining("it names unknown columns [{\"docketNumber\":\"RP-1\"}]")
                .hasMessageEndingWith("(or by semicolons throughout): " + HEADER);
        assertThatThrownBy(() -> rows(new StringReader(HEADER.replace(",women", "") + "\n"), 100))
                .isInstanceOf(InvalidDocket.class)
                .hasMessageStartingWith("the header lacks the columns [women];");
    }

    @Test
    void aFileSavedWithSemicolonsAsFrenchSpreadsheetsDoIsReadLikeOneWithCommas() throws IOException {
        String csv = """
                # Registre du greffe; premier semestre 2019
                %s
                RP-1;bamako-commune-iii;FILED;2019-02-11;;RAPE;1;0;0;0;UNIDENTIFIED;;;;;;
                "RP-1";bamako-commune-iii;HEARING_SCHEDULED;2019-06-04;;;;;;;;;"H;1";TRIAL;;;
                """.formatted(HEADER.replace(',', ';'));
        List<DocketFile.Row> rows = rows(new StringReader(csv), 100);

        assertThat(rows).extracting(DocketFile.Row::line).containsExactly(3L, 4L);
        assertThat(rows.get(0).values()).containsEntry("docketNumber", "RP-1").containsEntry("offence", "RAPE")
                                        .containsEntry("women", "1");
        assertThat(rows.get(1).values()).containsEntry("hearing", "H;1").containsEntry("hearingKind", "TRIAL");
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(17));
    }

    @Test
    void aHeaderThatMixesSeparatorsIsReadWithCommasAndRefused() {
        String mixed = HEADER.replaceFirst(",", ";");
        assertThatThrownBy(() -> rows(new StringReader(mixed + "\n"), 100))
                .isInstanceOf(InvalidDocket.class)
                .hasMessageContaining("the header lacks the columns [docketNumber, tribunalId]");
    }

    @Test
    void aDuplicateOrUnknownColumnIsRefused() {
        assertThatThrownBy(() -> rows(new StringReader(HEADER + ",date\n"), 100))
                .isInstanceOf(InvalidDocket.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> rows(new StringReader(HEADER + ",survivorName\n"), 100))
                .isInstanceOf(InvalidDocket.class).hasMessageContaining("unknown columns [survivorName]");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> rows(new StringReader(""), 100))
                .isInstanceOf(InvalidDocket.class).hasMessageStartingWith("the file is empty;");
    }

    @Test
    void brokenQuotingIsRefusedAsNotCsv() {
        String csv = HEADER + "\nRP-1,kati,WITHDRAWN,\"2019-07-01,,,,,,,,,,,,,\n";
        assertThatThrownBy(() -> rows(new StringReader(csv), 100))
                .isInstanceOf(InvalidDocket.class)
                .hasMessageStartingWith("the file is not valid CSV:")
                .hasMessageContaining("EOF reached before encapsulated token finished");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = (HEADER + "\nRP-1,s\u00e9gou,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> rows(DocketImport.utf8(new ByteArrayInputStream(latin1)), 100))
                .isInstanceOf(InvalidDocket.class).hasMessageStartingWith("the file is not UTF-8 text");
    }

    @Test
    void aFileOverTheRowLimitIsRefusedBeforeAnyRowIsRead() {
        String csv = HEADER + "\n" + "RP-1,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n".repeat(4);
        assertThatThrownBy(() -> DocketFile.spool(new StringReader(csv), 10_000, 3))
                .isInstanceOf(DocketTooLarge.class).hasMessageStartingWith("the file has more than 3 rows");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        String csv = HEADER + "\n" + "RP-1,kati,WITHDRAWN,2019-07-01,,,,,,,,,,,,,\n".repeat(1000);
        assertThatThrownBy(() -> DocketFile.spool(new StringReader(csv), 4096, 1_000_000))
                .isInstanceOf(DocketTooLarge.class).hasMessageStartingWith("the file is larger than 4096 bytes");
    }

    static List<DocketFile.Row> rows(Reader csv, int maxRows) throws IOException {
        List<DocketFile.Row> rows = new ArrayList<>();
        try (DocketFile file = DocketFile.spool(csv, 1_000_000, maxRows)) {
            file.forEachRow(rows::add);
            assertThat(file.rows()).isEqualTo(rows.size());
        }
        return rows;
    }
}
