package org.lcjp.reoffending.reports.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.lcjp.reoffending.reports.pack.model.Column;
import org.lcjp.reoffending.reports.pack.model.Figure;
import org.lcjp.reoffending.reports.pack.model.Formatted;
import org.lcjp.reoffending.reports.pack.model.Sheet;

/**
 * Scans a written pack for any count of people below the threshold: every text cell (and sheet name, and every
 * chart's titles and labels) for a whole number from 1 to threshold - 1 (note references aside), every number in a
 * column of people counts, and every value a chart caches, which must be a figure some table shows.
 */
public final class PackScan {
    /** Column headings whose numbers are counts of people. */
    static final Set<String> PEOPLE_COLUMNS = java.util.stream.Stream.of(
                    Set.of("Offenders", "Reoffenders", "Reoffences", "People"),
                    // The RJ Hub and Think Family sheets.
                    Set.of("Out of", "Counted", "With the outcome"),
                    // The service sheets (needs and gaps, IOM reach, Checkpoint activity).
                    Set.of(
                            "People assessed",
                            "People with the need",
                            "People with the need and no service contact",
                            "Highest-risk adults",
                            "On IOM",
                            "Referrals",
                            "People referred",
                            "Eligible",
                            "Diverted",
                            "Prosecuted",
                            "Contracts ended",
                            "Contracts completed",
                            "Contracts open"))
            .flatMap(Set::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Pattern NOTE = Pattern.compile("\\[note \\d+\\]");
    /** Dates are not counts: "1 April 2025", "2025-03-31", run ids such as 20250331T020000Z. */
    private static final Pattern DATE = Pattern.compile("\\b\\d{1,2} (January|February|March|April|May|June|July|"
            + "August|September|October|November|December) \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{8}T\\d{6}Z\\b");
    /** A whole number standing alone: not part of a word, a decimal or a percentage. */
    private static final Pattern WHOLE = Pattern.compile("(?<![\\w.,])(\\d{1,3}(?:,\\d{3})*|\\d+)(?![\\w%]|[.,]\\d)");

    private PackScan() {}

    /** Whole numbers in the text, note references aside. */
    static List<Long> wholeNumbers(String text) {
        List<Long> out = new ArrayList<>();
        Matcher m =
                WHOLE.matcher(DATE.matcher(NOTE.matcher(text).replaceAll(" ")).replaceAll(" "));
        while (m.find()) {
            out.add(Long.parseLong(m.group(1).replace(",", "")));
        }
        return out;
    }

    static void assertTextClean(String where, String text, int threshold) {
        for (long n : wholeNumbers(text)) {
            assertThat(n)
                    .as("%s: '%s' holds %d, which could be a count of people", where, text, n)
                    .matches(v -> v == 0 || v >= threshold);
        }
    }

    /** Scans the written workbook; returns how many cells of people counts it checked. */
    public static int scanXlsx(byte[] xlsx, int threshold) throws IOException {
        int checked = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Set<Double> shownNumbers = new HashSet<>();
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                XSSFSheet sheet = (XSSFSheet) s;
                assertTextClean(sheet.getSheetName(), sheet.getSheetName().replace('_', ' '), threshold);
                Set<Integer> peopleColumns = new HashSet<>();
                int headerRow = -1;
                for (XSSFTable t : sheet.getTables()) {
                    headerRow = t.getStartRowIndex();
                    Row h = sheet.getRow(headerRow);
                    for (Cell c : h) {
                        if (PEOPLE_COLUMNS.contains(c.getStringCellValue())) {
                            peopleColumns.add(c.getColumnIndex());
                        }
                    }
                }
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String where = sheet.getSheetName() + "!" + c.getAddress();
                        assertThat(c.getCellType()).as(where).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            assertTextClean(where, c.getStringCellValue(), threshold);
                        } else if (c.getCellType() == CellType.NUMERIC) {
                            shownNumbers.add(c.getNumericCellValue());
                            if (row.getRowNum() > headerRow && peopleColumns.contains(c.getColumnIndex())) {
                                checked++;
                                assertThat(c.getNumericCellValue())
                                        .as("count of people at %s", where)
                                        .matches(v -> v == 0 || v >= threshold);
                            }
                        }
                    }
                }
            }
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                XSSFSheet sheet = (XSSFSheet) s;
                if (sheet.getDrawingPatriarch() == null) {
                    continue;
                }
                for (XSSFChart chart : sheet.getDrawingPatriarch().getCharts()) {
                    String where = sheet.getSheetName() + " chart";
                    for (String text : strings(chart.getCTChart(), "v")) {
                        try {
                            double v = Double.parseDouble(text);
                            boolean shown = shownNumbers.stream().anyMatch(x -> Math.abs(x - v) < 1e-9);
                            assertThat(shown)
                                    .as("%s: cached value %s is a figure some table shows", where, v)
                                    .isTrue();
                        } catch (NumberFormatException e) {
                            assertTextClean(where, text, threshold);
                        }
                    }
                    for (String text : strings(chart.getCTChart(), "t")) {
                        assertTextClean(where + " title", text, threshold);
                    }
                }
            }
        }
        return checked;
    }

    /** The text of every element with this local name under {@code root}. */
    static List<String> strings(XmlObject root, String localName) {
        List<String> out = new ArrayList<>();
        try (XmlCursor c = root.newCursor()) {
            while (c.hasNextToken()) {
                if (c.toNextToken() == XmlCursor.TokenType.START
                        && c.getName().getLocalPart().equals(localName)) {
                    out.add(c.getTextValue());
                }
            }
        }
        return out;
    }

    /** Scans the sheets before they are written (what both writers lay out); returns people-count cells checked. */
    public static int scanModel(List<Sheet> sheets, int threshold) {
        int checked = 0;
        for (Sheet s : sheets) {
            List<String> texts =
                    new ArrayList<>(List.of(s.name().replace('_', ' '), s.title(), s.description(), s.contents()));
            texts.addAll(s.lines());
            s.charts().forEach(c -> {
                texts.add(c.title());
                texts.add(c.altText());
                texts.addAll(c.categories());
                c.series().forEach(x -> texts.add(x.name()));
            });
            if (s.table() != null) {
                List<Column> columns = s.table().columns();
                columns.forEach(c -> texts.add(c.header()));
                for (List<Object> row : s.table().rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        Object v = row.get(i) instanceof Formatted f ? f.value() : row.get(i);
                        if (v instanceof String text) {
                            texts.add(text);
                        } else if (v instanceof Figure f
                                && f.isNumber()
                                && PEOPLE_COLUMNS.contains(columns.get(i).header())) {
                            checked++;
                            assertThat(f.number())
                                    .as("%s: %s", s.name(), columns.get(i).header())
                                    .matches(x -> x == 0 || x >= threshold);
                        }
                    }
                }
            }
            for (String t : texts) {
                assertTextClean(s.name(), t, threshold);
            }
        }
        return checked;
    }
}
