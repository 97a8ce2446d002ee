package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The disclosure scan ({@link PackScan}) of a pack some run wrote: `make pack-scan` (CI runs it on the sample run's
 * pack) passes {@code pack.scan} (the .xlsx) and {@code pack.threshold} (default 5, the contract's). Fails on any
 * count of people from 1 to threshold - 1 in a cell, a text or a chart, as the suite's own packs are checked.
 */
@EnabledIfSystemProperty(named = "pack.scan", matches = ".+\\.xlsx")
class PackFileScanTest {
    @Test
    void theWrittenPackShowsNoCountBelowTheThreshold() throws Exception {
        Path pack = Path.of(System.getProperty("pack.scan"));
        int threshold = Integer.getInteger("pack.threshold", 5);
        int checked = PackScan.scanXlsx(Files.readAllBytes(pack), threshold);
        System.out.printf(
                "%s: %d cells of people counts scanned, with every text and chart; none from 1 to %d%n",
                pack, checked, threshold - 1);
        assertThat(checked).as("cells of people counts").isPositive();
    }
}
