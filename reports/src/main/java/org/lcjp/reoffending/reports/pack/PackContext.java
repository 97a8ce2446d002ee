package org.lcjp.reoffending.reports.pack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lcjp.reoffending.reports.pack.model.Periods;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/** What every sheet builder needs: the data, the words for codes, the notes and the disclosed figures. */
public final class PackContext {
    private final PackData data;
    private final ReportingYears years;
    private final DisclosedYears disclosedYears;
    private final DisclosedComparisons comparisons;
    private final Notes notes;
    private final Map<Class<?>, Object> disclosedBySheet = new HashMap<>();

    public PackContext(PackData data) {
        this.data = data;
        this.years =
                ReportingYears.of(data.provenReoffending(), data.crossTabs().orElse(List.of()));
        this.disclosedYears = DisclosedYears.apply(years, data.threshold(), data.lowReliabilityBelow());
        this.comparisons = DisclosedComparisons.apply(data.comparisons().orElse(List.of()), data.threshold());
        this.notes = new Notes(NoteTexts.all(data));
    }

    public PackData data() {
        return data;
    }

    public ReportingYears years() {
        return years;
    }

    public DisclosedYears disclosedYears() {
        return disclosedYears;
    }

    public DisclosedComparisons comparisons() {
        return comparisons;
    }

    /**
     * A sheet's disclosure control, solved once per pack: the sheet shows it and the Performance sheet reads it again
     * for each measure and period, and both must see the same choice of secondary suppressions.
     */
    @SuppressWarnings("unchecked")
    public <T> T disclosed(Class<? extends PackSheet> sheet, Supplier<T> solve) {
        Object solved = disclosedBySheet.get(sheet);
        if (solved == null) {
            solved = solve.get();
            disclosedBySheet.put(sheet, solved);
        }
        return (T) solved;
    }

    public Notes notes() {
        return notes;
    }

    public int threshold() {
        return data.threshold();
    }

    /** Words for a code. */
    public String label(String section, String code) {
        return data.labels().of(section, code);
    }

    /** The source line every table sheet carries. */
    public String source(String... tables) {
        return "Source: " + data.title() + ", published table" + (tables.length == 1 ? " " : "s ")
                + String.join(", ", tables) + ", as of " + Periods.day(data.asOf()) + ".";
    }

    /** A sheet for a table that this run did not produce. */
    public Sheet absent(String name, String contents, String title, String table) {
        return new Sheet(
                name,
                contents,
                title,
                "This worksheet would contain one table; the published table " + table
                        + " was not produced by this run, so it is not available [x].",
                List.of(),
                null,
                List.of());
    }
}
