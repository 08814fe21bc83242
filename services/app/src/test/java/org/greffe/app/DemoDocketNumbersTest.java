package org.greffe.app;

import org.greffe.registry.model.DocketNumberFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every docket number the shipped and the test demo dockets file has the registry's default format. */
class DemoDocketNumbersTest {

    @Test
    void everyDemoDocketNumberHasTheDefaultFormat() throws IOException {
        for (String docket : List.of("/demo/demo-docket.csv", "/test-dockets/demo.csv")) {
            List<String> numbers = filedDocketNumbers(docket);
            assertThat(numbers).as(docket).isNotEmpty()
                               .allMatch(DocketNumberFormat.STANDARD::accepts, "has the default format");
        }
    }

    private static List<String> filedDocketNumbers(String resource) throws IOException {
        try (InputStream in = DemoDocketNumbersTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                         .filter(line -> line.contains(",FILED,"))
                         .map(line -> line.substring(0, line.indexOf(',')))
                         .toList();
        }
    }
}
