package org.lcjp.reoffending.reports.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lcjp.reoffending.reports.pack.sheets.BreakdownsSheet;
import org.lcjp.reoffending.reports.pack.sheets.ComparisonSheet;
import org.lcjp.reoffending.reports.pack.sheets.ContentsSheet;
import org.lcjp.reoffending.reports.pack.sheets.CoverSheet;
import org.lcjp.reoffending.reports.pack.sheets.DataQualitySheet;
import org.lcjp.reoffending.reports.pack.sheets.HeadlineSheet;
import org.lcjp.reoffending.reports.pack.sheets.IomSheet;
import org.lcjp.reoffending.reports.pack.sheets.NotesSheet;

/**
 * The panel pack: one Excel workbook per as-of date, built from {@link PackData} with disclosure control applied
 * to every count it shows. The sheets are small aggregate tables, so the in-memory XSSF model is used throughout
 * (charts and Excel tables need it).
 */
public final class PanelPack {
    public static final String COVER = "Cover";
    public static final String CONTENTS = "Contents";
    public static final String HEADLINE = "Headline";
    public static final String BREAKDOWNS = "Breakdowns";
    public static final String DIVERSION = "Diversion";
    public static final String WOMEN = "Women";
    public static final String IOM = "IOM";
    public static final String DATA_QUALITY = "Data quality";
    public static final String NOTES = "Notes";

    /** Sheet names in order, with the line the contents page gives each. */
    public static final List<String[]> SHEETS = List.of(
            new String[]{COVER, "Title, as-of date and the sources behind the figures"},
            new String[]{CONTENTS, "This list"},
            new String[]{HEADLINE, "Reoffending in the latest cohorts and the trend over all cohorts"},
            new String[]{BREAKDOWNS, "The latest final cohort by sex, age, offence, previous offences, disposal, area and more"},
            new String[]{DIVERSION, "Checkpoint: diverted against prosecuted, observed and after matching"},
            new String[]{WOMEN, "Women against men, and needs profiles"},
            new String[]{IOM, "Integrated Offender Management: offending before and after adoption"},
            new String[]{DATA_QUALITY, "Rows read, accepted and quarantined per source file; linkage quality"},
            new String[]{NOTES, "Definitions, counting rules, symbols and disclosure control"});

    private PanelPack() {
    }

    public static void write(PackData data, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = build(data)) {
            wb.write(out);
        }
    }

    public static byte[] toBytes(PackData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code panel-pack-<as_of>.xlsx} into {@code dir} (via a temporary file) and returns its path. */
    public static Path writeTo(PackData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(data.fileName());
        Path tmp = Files.createTempFile(dir, ".panel-pack", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(data, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A source line below everything on the sheet, charts included, so a printout ends with its provenance. */
    private static void footer(org.apache.poi.xssf.usermodel.XSSFSheet sheet, PackContext ctx) {
        int last = sheet.getLastRowNum();
        if (sheet.getDrawingPatriarch() != null) {
            for (var anchor : sheet.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorList()) {
                last = Math.max(last, anchor.getTo().getRow());
            }
        }
        var cell = sheet.createRow(last + 2).createCell(0);
        cell.setCellValue("Source: " + ctx.data().title() + ", as of " + ctx.data().asOf() + " (run "
                + ctx.data().runId() + ").");
        cell.setCellStyle(ctx.styles().note);
    }

    static XSSFWorkbook build(PackData data) {
        XSSFWorkbook wb = new XSSFWorkbook();
        PackContext ctx = new PackContext(data, wb, new Styles(wb),
                DisclosedReoffending.apply(data.provenReoffending(), data.threshold()));
        new CoverSheet(ctx).write();
        new ContentsSheet(ctx).write();
        new HeadlineSheet(ctx).write();
        new BreakdownsSheet(ctx).write();
        ComparisonSheet.diversion(ctx).write();
        ComparisonSheet.women(ctx).write();
        new IomSheet(ctx).write();
        new DataQualitySheet(ctx).write();
        new NotesSheet(ctx).write();
        wb.forEach(sheet -> footer((org.apache.poi.xssf.usermodel.XSSFSheet) sheet, ctx));
        wb.getProperties().getCoreProperties().setTitle(data.title() + " (" + data.asOf() + ")");
        wb.getProperties().getCoreProperties().setCreator(data.contact());
        return wb;
    }
}
