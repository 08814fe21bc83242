package org.greffe.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --greffe.import=file}: the file is imported once the application is ready, the report is logged and the
 * application keeps serving; starting again with the same file imports nothing new (and, with fewer rejected rows
 * listed than there are, says how many are listed). A file that cannot be imported
 * at all stops the start-up with a clear message.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocketImportAtStartUpIntegrationTest {

    private static final String DOCKET = """
            docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,hearing,\
            hearingKind,reason,verdict,toTribunalId
            CLI-2019-1,gao,FILED,2019-02-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,
            CLI-2019-1,gao,HEARING_SCHEDULED,2019-04-02,,,,,,,,,H1,PRELIMINARY,,,
            CLI-2019-1,gao,HEARING_HELD,2019-04-02,,,,,,,,,H1,,,,
            CLI-2019-1,gao,JUDGMENT,2019-04-20,,,,,,,,,,,,CONVICTION,
            """;

    @TempDir
    Path dir;

    @Test
    void importsTheFileWhenReadyLogsTheReportAndKeepsRunning(CapturedOutput output) throws Exception {
        Path csv = Files.writeString(dir.resolve("docket.csv"), DOCKET);
        try (ConfigurableApplicationContext app = start("--greffe.import=" + csv)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(3);
            List<String> metaData = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry",
                    String.class);
            assertThat(metaData).allSatisfy(data -> assertThat(data).contains("\"source\":\"import\"")
                    .contains("\"user\":\"cli:").contains("\"idempotencyKey\":\"import-"));
            assertThat(get(app, "/api/tribunals").statusCode()).as("still serving after the import").isEqualTo(200);
        }
        assertThat(output).contains("Docket file " + csv + ": 4 rows: 3 accepted, 0 already imported, 1 rejected")
                .contains("Docket file " + csv + ", line 5 rejected: JUDGMENT_WITHOUT_TRIAL: a judgment needs a held "
                        + "TRIAL hearing");

        try (ConfigurableApplicationContext again = start("--greffe.import=" + csv,
                "--greffe.docket-import.max-reported-rejections=0")) {
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry",
                    Long.class)).isEqualTo(3);
        }
        assertThat(output).contains("Docket file " + csv + ": 4 rows: 0 accepted, 3 already imported, 1 rejected")
                .contains("Docket file " + csv + ": 0 of the 1 rejected rows listed above; correct them and import "
                        + "the file again to see the others");
    }

    @Test
    void aMissingFileStopsTheStartUp(CapturedOutput output) {
        Path missing = dir.resolve("no-such-docket.csv");
        assertThatThrownBy(() -> start("--greffe.import=" + missing).close())
                .rootCause().hasMessage("greffe.import: cannot import the docket file " + missing
                        + ": there is no such file");
        assertThat(output).contains("greffe.import: cannot import the docket file " + missing);
    }

    @Test
    void aFileThatIsNoDocketStopsTheStartUp(CapturedOutput output) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.csv"), "name,phone\n");
        assertThatThrownBy(() -> start("--greffe.import=" + notes).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("greffe.import: the docket file " + notes + " was not imported: the header "
                        + "lacks the columns [docketNumber,");
        assertThat(output).contains("greffe.import: the docket file " + notes + " was not imported");
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--server.port=0", "--greffe.demo=false",
                "--greffe.data-dir=" + dir.resolve("data"), "--greffe.keys.dir=" + dir.resolve("keys")));
        all.addAll(TestTokens.trustArguments());
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(GreffeApplication.class).run(all.toArray(String[]::new));
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.defaultBearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
