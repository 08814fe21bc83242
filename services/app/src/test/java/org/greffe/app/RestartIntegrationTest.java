package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greffe stopped and started again on the same data directory keeps its event log, and rebuilds each case's state
 * from the stored events: rules that depend on earlier events still hold after the restart.
 */
class RestartIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void eventsAndCaseStateSurviveARestart() throws Exception {
        String caseId;
        String hearingId;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            caseId = post(port, "/api/cases", """
                    {"docketNumber":"RST-2019-1","tribunalId":"bamako-commune-iii","filedOn":"2019-03-14",
                     "offence":"SEXUAL_SLAVERY","victims":{"women":2,"girls":0,"men":0,"boys":0},
                     "accused":"UNIDENTIFIED"}""").get("caseId").asText();
            hearingId = post(port, "/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                    .get("hearingId").asText();
        }

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            JsonNode judgmentTooEarly = post(port, "/api/cases/" + caseId + "/judgment",
                    "{\"on\":\"2019-10-03\",\"verdict\":\"CONVICTION\"}");
            assertThat(judgmentTooEarly.get("rule").asText()).isEqualTo("JUDGMENT_WITHOUT_TRIAL");

            JsonNode held = post(port, "/api/cases/" + caseId + "/hearings/" + hearingId + "/held",
                    "{\"on\":\"2019-10-02\"}");
            assertThat(held.get("version").asLong()).isEqualTo(2);
            JsonNode judged = post(port, "/api/cases/" + caseId + "/judgment",
                    "{\"on\":\"2019-10-03\",\"verdict\":\"CONVICTION\"}");
            assertThat(judged.get("version").asLong()).isEqualTo(3);

            JsonNode duplicate = post(port, "/api/cases", """
                    {"docketNumber":"RST-2019-1","tribunalId":"bamako-commune-iii","filedOn":"2019-03-15",
                     "offence":"RAPE","victims":{"women":1,"girls":0,"men":0,"boys":0},"accused":"UNIDENTIFIED"}""");
            assertThat(duplicate.get("rule").asText()).isEqualTo("DOCKET_NUMBER_TAKEN");

            Long stored = second.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, caseId);
            assertThat(stored).isEqualTo(4);
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--greffe.data-dir=" + dataDir,
                "--greffe.keys.dir=" + HttpIntegrationTest.TEST_KEYS.toAbsolutePath(), "--greffe.demo=false"));
        args.addAll(TestTokens.trustArguments());
        return new SpringApplicationBuilder(GreffeApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.defaultBearer())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
