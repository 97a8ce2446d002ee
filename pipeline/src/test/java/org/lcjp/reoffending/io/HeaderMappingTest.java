package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {
    private static final List<String> COLUMNS = List.of("record_id", "forename", "record_status");
    private static final List<String> REQUIRED = List.of("record_id", "forename");

    @Test
    void namesAreCaseInsensitiveTrimmedAndInAnyOrder() {
        HeaderMapping m = HeaderMapping.of(List.of(" ForeName ", "RECORD_ID"), COLUMNS, REQUIRED);
        assertThat(m.rejected()).isFalse();
        assertThat(m.positions()).containsExactly(1, 0, -1);
        assertThat(m.extraColumns()).isEmpty();
    }

    @Test
    void extraColumnsAreIgnoredAndReported() {
        HeaderMapping m = HeaderMapping.of(List.of("record_id", "forename", " Notes "), COLUMNS, REQUIRED);
        assertThat(m.rejected()).isFalse();
        assertThat(m.extraColumns()).containsExactly("Notes");
    }

    @Test
    void missingRequiredColumnRejectsTheFileNamingIt() {
        HeaderMapping m = HeaderMapping.of(List.of("record_id", "record_status"), COLUMNS, REQUIRED);
        assertThat(m.rejectionRule()).isEqualTo("MISSING_REQUIRED_COLUMN");
        assertThat(m.rejectionColumn()).isEqualTo("forename");
        assertThat(m.rejectionReason())
                .isEqualTo("Cannot read file: required column missing from the header (forename)");
    }

    @Test
    void repeatedColumnRejectsTheFile() {
        HeaderMapping m = HeaderMapping.of(List.of("record_id", "forename", "FORENAME"), COLUMNS, REQUIRED);
        assertThat(m.rejectionRule()).isEqualTo("DUPLICATE_COLUMN");
    }
}
