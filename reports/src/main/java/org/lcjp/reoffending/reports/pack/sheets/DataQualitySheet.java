package org.lcjp.reoffending.reports.pack.sheets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData.DataQualityRow;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.model.Table;

/**
 * Rows read, accepted and quarantined per source file ({@code byRule}: per file and quarantine rule). Rows are
 * counts of data, not of people, so they are shown exactly.
 */
public final class DataQualitySheet implements PackSheet {
    private final boolean byRule;

    private DataQualitySheet(boolean byRule) {
        this.byRule = byRule;
    }

    public static DataQualitySheet files() {
        return new DataQualitySheet(false);
    }

    public static DataQualitySheet rules() {
        return new DataQualitySheet(true);
    }

    /** The notes and source, after the linkage sensitivity warning (on the files sheet) when a headline rate moves. */
    private List<String> lines(PackContext ctx) {
        List<String> lines = new ArrayList<>();
        if (!byRule) {
            LinkageSensitivitySheet.warning(ctx).ifPresent(lines::add);
        }
        lines.add(ctx.notes().line("NOT_PEOPLE"));
        lines.add(ctx.source("data_quality"));
        return lines;
    }

    @Override
    public Sheet build(PackContext ctx) {
        String name = byRule ? "Quarantine_rules" : "Data_quality";
        String contents = byRule
                ? "Rows set aside (quarantined) per source file and rule"
                : "Rows read, accepted, quarantined, superseded and deleted per source file";
        String title = byRule ? "Data quality: rows quarantined by rule" : "Data quality: rows per source file";
        if (ctx.data().dataQuality().isEmpty()) {
            return ctx.absent(name, contents, title, "data_quality");
        }
        List<DataQualityRow> files = ctx.data().dataQuality().get().stream()
                .sorted(Comparator.comparing(DataQualityRow::sourceFile))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        for (DataQualityRow f : files) {
            if (byRule) {
                new TreeMap<>(f.quarantinedByRule())
                        .forEach((rule, n) -> rows.add(new ArrayList<>(
                                List.of(f.sourceFile(), ctx.label("quarantine_rule", rule), Figure.of(n)))));
            } else {
                rows.add(new ArrayList<>(List.of(
                        f.sourceFile(),
                        ctx.label("agency", f.agency()),
                        f.dataset() == null ? "Not known" : f.dataset(),
                        f.extractDate() == null ? Figure.NOT_AVAILABLE : f.extractDate(),
                        f.status() == null ? Figure.NOT_AVAILABLE : ctx.label("file_status", f.status()),
                        Figure.of(f.rowsRead()),
                        Figure.of(f.rowsAccepted()),
                        Figure.of(f.rowsQuarantined()),
                        Figure.of(f.rowsSuperseded()),
                        Figure.of(f.rowsDeleted()),
                        Figure.of(f.pncCheckFailures()),
                        Figure.of(f.warnings()))));
            }
        }
        if (rows.isEmpty()) {
            return new Sheet(
                    name,
                    contents,
                    title,
                    "This worksheet would contain one table; no row was quarantined "
                            + "this run, so there is nothing to show [z].",
                    List.of(),
                    null,
                    List.of());
        }
        List<Column> columns = byRule
                ? List.of(Column.longText("Source file"), Column.text("Rule"), Column.number("Rows quarantined"))
                : List.of(
                        Column.longText("Source file"),
                        Column.text("Agency"),
                        Column.text("Dataset"),
                        Column.date("Extract date"),
                        Column.text("File status"),
                        Column.number("Rows read"),
                        Column.number("Rows accepted"),
                        Column.number("Rows quarantined"),
                        Column.number("Rows superseded"),
                        Column.number("Rows deleted"),
                        Column.number("PNC check failures"),
                        Column.number("Values nulled with a warning"));
        return new Sheet(
                name,
                contents,
                title,
                byRule
                        ? "This worksheet contains one table: for each source file, the rows set aside by each "
                                + "validation rule (see warehouse/quarantine for the rows)."
                        : "This worksheet contains one table: for each source file delivered, the rows read and what "
                                + "became of them; rows read always equal rows accepted plus rows quarantined.",
                lines(ctx),
                new Table(byRule ? "Quarantine_by_rule" : "Data_quality_by_file", columns, rows),
                List.of());
    }
}
