package org.greffe.caseload.infrastructure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTest {

    @Test
    void valuesAreTabSeparatedAndEveryCharacterCopyTreatsSpeciallyIsEscaped() {
        StringBuilder out = new StringBuilder();
        CopyText.row(out, "case-1", "{\"note\":\"a\\\\b\\\"c\"}", "tab\there", "line\nbreak\r");
        assertThat(out).hasToString("case-1\t{\"note\":\"a\\\\\\\\b\\\\\"c\"}\ttab\\there\tline\\nbreak\\r\n");
    }

    @Test
    void eachRowEndsItsLine() {
        StringBuilder out = new StringBuilder();
        CopyText.row(out, "a", "b");
        CopyText.row(out, "c");
        assertThat(out).hasToString("a\tb\nc\n");
    }
}
