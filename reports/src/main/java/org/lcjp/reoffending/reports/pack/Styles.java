package org.lcjp.reoffending.reports.pack;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The named cell styles of one workbook, created once (a workbook holds at most 64,000 styles). */
public final class Styles {
    public final CellStyle title;
    public final CellStyle subtitle;
    public final CellStyle header;
    public final CellStyle numericHeader;
    public final CellStyle text;
    public final CellStyle wrapped;
    public final CellStyle note;
    public final CellStyle count;
    public final CellStyle percent;
    public final CellStyle decimal;
    public final CellStyle pValue;
    public final CellStyle date;
    public final CellStyle symbol;
    public final CellStyle link;
    public final CellStyle provisional;

    public Styles(Workbook wb) {
        title = style(wb, font(wb, 16, true, false, IndexedColors.BLACK), false);
        subtitle = style(wb, font(wb, 12, true, false, IndexedColors.BLACK), false);
        Font plain = font(wb, 11, false, false, IndexedColors.BLACK);
        header = style(wb, font(wb, 11, true, false, IndexedColors.BLACK), true);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.BOTTOM);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        numericHeader = wb.createCellStyle();
        numericHeader.cloneStyleFrom(header);
        numericHeader.setAlignment(HorizontalAlignment.RIGHT);
        text = style(wb, plain, false);
        wrapped = style(wb, plain, true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        note = style(wb, font(wb, 10, false, true, IndexedColors.GREY_80_PERCENT), false);
        count = numeric(wb, plain, "#,##0");
        percent = numeric(wb, plain, "0.0%");
        decimal = numeric(wb, plain, "0.00");
        pValue = numeric(wb, plain, "0.000");
        date = numeric(wb, plain, "d mmm yyyy");
        symbol = style(wb, plain, false);
        symbol.setAlignment(HorizontalAlignment.RIGHT);
        link = style(wb, font(wb, 11, false, false, IndexedColors.BLUE, true), false);
        provisional = style(wb, font(wb, 11, false, true, IndexedColors.BLACK), false);
    }

    private static CellStyle numeric(Workbook wb, Font f, String format) {
        CellStyle s = style(wb, f, false);
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        s.setAlignment(HorizontalAlignment.RIGHT);
        return s;
    }

    private static CellStyle style(Workbook wb, Font f, boolean wrap) {
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setWrapText(wrap);
        // Top-aligned, so a label lines up with the first line of wrapped text beside it.
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private static Font font(Workbook wb, int points, boolean bold, boolean italic, IndexedColors colour) {
        return font(wb, points, bold, italic, colour, false);
    }

    private static Font font(Workbook wb, int points, boolean bold, boolean italic, IndexedColors colour,
                             boolean underline) {
        Font f = wb.createFont();
        f.setFontName("Arial");
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        f.setItalic(italic);
        f.setColor(colour.getIndex());
        if (underline) {
            f.setUnderline(Font.U_SINGLE);
        }
        return f;
    }
}
