package org.lcjp.reoffending.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.lcjp.reoffending.reports.pack.PackContext;
import org.lcjp.reoffending.reports.pack.PackData;
import org.lcjp.reoffending.reports.pack.PackSheet;
import org.lcjp.reoffending.reports.pack.model.Chart;
import org.lcjp.reoffending.reports.pack.model.DocumentProperties;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Layout;
import org.lcjp.reoffending.reports.pack.model.Sheet;
import org.lcjp.reoffending.reports.pack.ods.OdsWriter;
import org.lcjp.reoffending.reports.pack.sheets.BalanceSheet;
import org.lcjp.reoffending.reports.pack.sheets.BreakdownSheet;
import org.lcjp.reoffending.reports.pack.sheets.CheckpointActivitySheet;
import org.lcjp.reoffending.reports.pack.sheets.ComparisonSheet;
import org.lcjp.reoffending.reports.pack.sheets.ContentsSheet;
import org.lcjp.reoffending.reports.pack.sheets.CoverSheet;
import org.lcjp.reoffending.reports.pack.sheets.CrossTabSheet;
import org.lcjp.reoffending.reports.pack.sheets.DataQualitySheet;
import org.lcjp.reoffending.reports.pack.sheets.FamilyOffendingSheet;
import org.lcjp.reoffending.reports.pack.sheets.IomReachSheet;
import org.lcjp.reoffending.reports.pack.sheets.IomSheet;
import org.lcjp.reoffending.reports.pack.sheets.LinkageQualitySheet;
import org.lcjp.reoffending.reports.pack.sheets.LinkageSensitivitySheet;
import org.lcjp.reoffending.reports.pack.sheets.NeedsGapsSheet;
import org.lcjp.reoffending.reports.pack.sheets.NotesSheet;
import org.lcjp.reoffending.reports.pack.sheets.PerformanceSheet;
import org.lcjp.reoffending.reports.pack.sheets.RjActivitySheet;
import org.lcjp.reoffending.reports.pack.sheets.SourcesSheet;
import org.lcjp.reoffending.reports.pack.sheets.SummarySheet;
import org.lcjp.reoffending.reports.pack.sheets.YearlySheet;
import org.lcjp.reoffending.reports.pack.xlsx.XlsxWriter;

/**
 * The panel pack: one workbook per as-of date, laid out as the Government Analysis Function's guidance for
 * releasing statistics in spreadsheets asks, written as .xlsx and .ods from the same sheets. Every sheet is built
 * from {@link PackData} with disclosure control applied before any writer sees a figure.
 */
public final class PanelPack {
    /** The sheets after Cover_sheet, Table_of_contents and Notes, in order. Add a sheet here. */
    public static List<PackSheet> sheets() {
        List<PackSheet> s = new ArrayList<>(List.of(new SummarySheet(), new PerformanceSheet(), new YearlySheet()));
        BreakdownSheet.DIMENSIONS.forEach(d -> s.add(new BreakdownSheet(d)));
        s.add(new CrossTabSheet("SEX"));
        s.add(new CrossTabSheet("AGE_BAND"));
        s.addAll(List.of(
                ComparisonSheet.checkpoint(),
                new BalanceSheet(),
                new CheckpointActivitySheet(),
                ComparisonSheet.women(),
                ComparisonSheet.needs(),
                new NeedsGapsSheet(),
                new IomSheet(),
                new IomReachSheet()));
        s.addAll(List.of(new RjActivitySheet(), ComparisonSheet.rj(), BalanceSheet.rj(), new FamilyOffendingSheet()));
        s.addAll(List.of(
                new SourcesSheet(),
                DataQualitySheet.files(),
                DataQualitySheet.rules(),
                new LinkageQualitySheet(),
                new LinkageSensitivitySheet()));
        return s;
    }

    private PanelPack() {}

    /** Every sheet of the pack in order, with its shorthand key: what both writers lay out. */
    public static List<Sheet> build(PackData data) {
        PackContext ctx = new PackContext(data);
        List<Sheet> body = new ArrayList<>();
        for (PackSheet s : sheets()) {
            body.add(s.build(ctx));
        }
        Sheet notes = NotesSheet.build(ctx.notes());
        Sheet cover = CoverSheet.build(ctx);
        List<Sheet> listed = new ArrayList<>(List.of(cover));
        listed.add(notes);
        listed.addAll(body);
        List<Sheet> all = new ArrayList<>(List.of(cover, ContentsSheet.build(listed), notes));
        all.addAll(body);
        return chartsOfShownFigures(all).stream()
                .map(s -> Layout.withKey(s, data.threshold(), data.lowReliabilityBelow()))
                .toList();
    }

    /**
     * Every value a chart draws is a figure some table of the pack shows; any other is left out (a gap). The
     * Performance trend draws each measure's yearly values, which its own table does not hold: a year the source
     * sheet shows only as [x] (Think Family's groups under the comparison minimum) would otherwise be drawn.
     */
    static List<Sheet> chartsOfShownFigures(List<Sheet> sheets) {
        java.util.Set<Double> shown = new java.util.HashSet<>();
        for (Sheet s : sheets) {
            if (s.table() != null) {
                s.table()
                        .rows()
                        .forEach(row -> row.forEach(v -> {
                            Double n = number(v);
                            if (n != null) {
                                shown.add(n);
                            }
                        }));
            }
        }
        return sheets.stream()
                .map(s -> s.charts().isEmpty()
                        ? s
                        : new Sheet(
                                s.name(),
                                s.contents(),
                                s.title(),
                                s.description(),
                                s.lines(),
                                s.table(),
                                s.charts().stream()
                                        .map(c -> new Chart(
                                                c.type(),
                                                c.title(),
                                                c.altText(),
                                                c.categories(),
                                                c.series().stream()
                                                        .map(x -> new Chart.Series(
                                                                x.name(),
                                                                x.values().stream()
                                                                        .map(v -> v != null && shown.contains(v)
                                                                                ? v
                                                                                : null)
                                                                        .toList()))
                                                        .toList(),
                                                c.valueFormat()))
                                        .toList()))
                .toList();
    }

    private static Double number(Object v) {
        if (v instanceof Formatted f) {
            return number(f.value());
        }
        if (v instanceof Figure f) {
            return f.isNumber() ? f.number() : null;
        }
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public static void writeXlsx(PackData data, OutputStream out) throws IOException {
        XlsxWriter.write(build(data), properties(data), out);
    }

    public static void writeOds(PackData data, OutputStream out) throws IOException {
        OdsWriter.write(build(data), properties(data), out);
    }

    public static byte[] xlsxBytes(PackData data) {
        return xlsxBytes(build(data), data);
    }

    public static byte[] odsBytes(PackData data) {
        return odsBytes(build(data), data);
    }

    /** The workbook of sheets already {@link #build built} from {@code data}: one build serves both formats. */
    public static byte[] xlsxBytes(List<Sheet> sheets, PackData data) {
        return bytes(out -> XlsxWriter.write(sheets, properties(data), out));
    }

    /** The spreadsheet of sheets already {@link #build built} from {@code data}. */
    public static byte[] odsBytes(List<Sheet> sheets, PackData data) {
        return bytes(out -> OdsWriter.write(sheets, properties(data), out));
    }

    /** The title (with the as-of date) and the contact both writers record in the document's properties. */
    static DocumentProperties properties(PackData data) {
        return new DocumentProperties(data.title() + " (" + data.asOf() + ")", data.contact());
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
