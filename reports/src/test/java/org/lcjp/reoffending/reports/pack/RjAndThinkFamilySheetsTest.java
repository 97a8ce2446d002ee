package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.reports.PanelPack;
import org.lcjp.reoffending.reports.pack.PackData.FamilyRow;
import org.lcjp.reoffending.reports.pack.PackData.RjActivityRow;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.performance.PerformanceRow;

/** The RJ Hub and Think Family sheets: present with the tables, their counts of people protected across ties. */
class RjAndThinkFamilySheetsTest {
    static final LocalDate START = LocalDate.of(2018, 4, 1);
    static final LocalDate END = LocalDate.of(2019, 3, 31);

    @Test
    void theFullPackHasTheRjAndThinkFamilySheetsWithTheirTables() {
        PackData data = PackFixtures.full();
        List<Sheet> sheets = PanelPack.build(data);
        for (String name : List.of("RJ_activity", "RJ_reoffending", "RJ_balance", "Think_Family")) {
            assertThat(sheet(sheets, name).description()).as(name).startsWith("This worksheet contains one table");
        }
        assertThat(sheet(sheets, "RJ_activity").table().rows())
                .hasSize(data.rjActivity().orElseThrow().size());
        assertThat(sheet(sheets, "Think_Family").table().rows())
                .hasSize(data.familyOffending().orElseThrow().size());
        assertThat(data.performance().orElseThrow())
                .filteredOn(r -> r.measureId().equals("rj_victim_satisfaction"))
                .anyMatch(PerformanceRow::available);
        assertThat(data.performance().orElseThrow())
                .filteredOn(r -> r.measureId().equals("intergenerational_offending_rate"))
                .anyMatch(PerformanceRow::available);
    }

    @Test
    void withoutTheTablesTheSheetsSayTheyAreNotAvailable() {
        PackData f = PackFixtures.full().withRjAndFamily(Optional.empty(), Optional.empty());
        List<Sheet> sheets = PanelPack.build(f);
        assertThat(sheet(sheets, "RJ_activity").table()).isNull();
        assertThat(sheet(sheets, "Think_Family").description()).contains("not available [x]");
    }

    @Test
    void aSmallOutcomeCountIsWithheldWithComplementsInBothItsTotalsAndThePerformanceMeasure() {
        List<RjActivityRow> rows = new ArrayList<>(List.of(
                rj("REFERRALS", "ALL", 40),
                rj("OUTCOMES", "CONFERENCE", 2),
                rj("OUTCOMES", "INDIRECT", 10),
                rj("OUTCOMES", "VICTIM_DECLINED", 20),
                rj("OUTCOMES", "OPEN", 8),
                rj("COMPLETED_PROCESSES", "ALL", 12),
                rj("REFERRALS_BY_SOURCE", "POLICE", 40)));
        var shown = org.lcjp.reoffending.reports.pack.sheets.RjActivitySheet.disclose(rows, 5);
        assertThat(shown.get(rows.get(1)).count()).isEqualTo(Figure.CONFIDENTIAL);
        assertThat(List.of(rows.get(2), rows.get(5)).stream()
                        .filter(r -> Figure.CONFIDENTIAL.equals(shown.get(r).count())))
                .as("conferences plus indirect make the completed processes")
                .isNotEmpty();
        assertThat(List.of(rows.get(2), rows.get(3), rows.get(4)).stream()
                        .filter(r -> Figure.CONFIDENTIAL.equals(shown.get(r).count())))
                .as("the outcomes add up to the referrals")
                .isNotEmpty();
        assertThat(shown.get(rows.get(0)).count().number())
                .as("the year's referrals survive")
                .isEqualTo(40.0);

        PackData data = PackFixtures.full().withRjAndFamily(Optional.of(rows), Optional.empty());
        PerformanceRow conferences = new PerformanceRow(
                "rj_conferences",
                "t",
                "rj_activity",
                "measure=OUTCOMES; category=CONFERENCE",
                "April 2018 to March 2019",
                START,
                END,
                "FINAL",
                2.0,
                null,
                null,
                50,
                "HIGHER_IS_BETTER",
                10,
                "RED",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "COUNT",
                "COUNT",
                "AVAILABLE",
                null);
        PerformanceRow indirect = new PerformanceRow(
                "x",
                "t",
                "rj_activity",
                "measure=OUTCOMES; category=VICTIM_DECLINED",
                "April 2018 to March 2019",
                START,
                END,
                "FINAL",
                20.0,
                null,
                null,
                50,
                "HIGHER_IS_BETTER",
                10,
                "RED",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "COUNT",
                "COUNT",
                "AVAILABLE",
                null);
        PackContext ctx = new PackContext(data);
        assertThat(org.lcjp.reoffending.reports.pack.sheets.PerformanceSheet.value(ctx, conferences))
                .isEqualTo(Figure.CONFIDENTIAL);
        assertThat(org.lcjp.reoffending.reports.pack.sheets.RjActivitySheet.withholds(ctx, indirect))
                .isEqualTo(Figure.CONFIDENTIAL.equals(shown.get(rows.get(3)).count()));
    }

    @Test
    void aShareIsWithheldWhenTheRestOfItsDenominatorIsSmall() {
        List<RjActivityRow> rows = List.of(rj("REFERRALS", "ALL", 40), share("VICTIM_ASKED_SHARE", 38, 40));
        var shown = org.lcjp.reoffending.reports.pack.sheets.RjActivitySheet.disclose(rows, 5);
        // 40 - 38 = 2 victims not asked: the share, and one of the two counts that give it, are withheld.
        assertThat(shown.get(rows.get(1)).value()).isEqualTo(Figure.CONFIDENTIAL);
        assertThat(Figure.CONFIDENTIAL.equals(shown.get(rows.get(1)).count())
                        || Figure.CONFIDENTIAL.equals(shown.get(rows.get(0)).count()))
                .isTrue();
    }

    @Test
    void familiesAndParentsAreProtectedAcrossTheirTies() {
        List<FamilyRow> rows = List.of(
                family("TWO_GENERATIONS", "ALL", "ALL", "TWO_GENERATION_SHARE", 150, 2L, null),
                family("OFFENDER_PARENTS", "2018Q1", "ALL", "PARENT_SHARE", 200, 3L, null),
                family("OFFENDER_PARENTS", "2018Q1", "PARENT", "REOFFENDING_RATE", 3, null, "NOT_PARENT"),
                family("OFFENDER_PARENTS", "2018Q1", "NOT_PARENT", "REOFFENDING_RATE", 197, null, "NOT_PARENT"));
        var shown = org.lcjp.reoffending.reports.pack.sheets.FamilyOffendingSheet.disclose(rows, 5);
        assertThat(shown.get(rows.get(0)).with()).isEqualTo(Figure.CONFIDENTIAL);
        assertThat(shown.get(rows.get(0)).value()).isEqualTo(Figure.CONFIDENTIAL);
        assertThat(shown.get(rows.get(0)).units().number()).isEqualTo(150.0);
        assertThat(shown.get(rows.get(2)).units()).isEqualTo(Figure.CONFIDENTIAL);
        assertThat(shown.get(rows.get(1)).with())
                .as("parents among offenders are the parents' group")
                .isEqualTo(Figure.CONFIDENTIAL);
        // Offenders minus parents would give the parents away: one of the two is withheld too.
        assertThat(Figure.CONFIDENTIAL.equals(shown.get(rows.get(1)).units())
                        || Figure.CONFIDENTIAL.equals(shown.get(rows.get(3)).units()))
                .isTrue();
    }

    static Sheet sheet(List<Sheet> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static RjActivityRow rj(String measure, String category, long n) {
        return new RjActivityRow("FY2018-19", START, END, measure, category, n, null, null, null, null, "FINAL");
    }

    static RjActivityRow share(String measure, long with, long of) {
        return new RjActivityRow(
                "FY2018-19", START, END, measure, "ALL", with, of, (double) with / of, 0.8, 0.99, "FINAL");
    }

    static FamilyRow family(
            String set, String period, String group, String measure, long n, Long with, String reference) {
        return new FamilyRow(
                set,
                period,
                null,
                null,
                group,
                measure,
                "FAMILIES",
                n,
                with,
                with == null ? null : (double) with / n,
                null,
                null,
                reference,
                null,
                null,
                null,
                null,
                null,
                with == null ? "TOO_SMALL" : "OK");
    }
}
