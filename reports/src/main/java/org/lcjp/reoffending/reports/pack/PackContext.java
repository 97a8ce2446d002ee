package org.lcjp.reoffending.reports.pack;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What every sheet builder needs: the data, the workbook's one Styles object and the disclosed figures. */
public record PackContext(PackData data, XSSFWorkbook workbook, Styles styles, DisclosedReoffending reoffending) {

    public SheetWriter newSheet(String name) {
        XSSFSheet sheet = workbook.createSheet(name);
        sheet.setDisplayGridlines(false);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        return new SheetWriter(sheet, styles);
    }

    public int threshold() {
        return data.threshold();
    }
}
