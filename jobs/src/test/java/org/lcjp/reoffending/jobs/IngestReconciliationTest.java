package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.FileReport;

class IngestReconciliationTest {
    private static FileReport report(long read, long accepted, long quarantined) {
        return new FileReport(
                "police/outcomes/outcomes_20240110.csv",
                "police",
                "outcomes",
                LocalDate.of(2024, 1, 10),
                read,
                accepted,
                quarantined,
                0,
                0,
                0,
                0,
                Map.of(),
                "READ",
                null);
    }

    @Test
    void rowsReadMustEqualAcceptedPlusQuarantined() {
        assertThatCode(() -> IngestJob.requireReconciled(List.of(report(5, 3, 2))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IngestJob.requireReconciled(List.of(report(5, 3, 1))))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("Cannot publish: rows read do not equal rows accepted plus quarantined "
                        + "(police/outcomes/outcomes_20240110.csv: 5 read, 3 accepted, 1 quarantined). "
                        + "Nothing was published; report this as a pipeline fault with the file");
    }
}
