package org.lcjp.reoffending.jobs.results;

import java.util.List;
import java.util.Locale;
import org.lcjp.reoffending.domain.DataQualityColumns;

/**
 * What ingest did.
 *
 * @param rowsRead             rows read from the files parsed tonight
 * @param stagedRows           rows in force in staged/ afterwards
 * @param filesParsed          files parsed tonight (new or changed)
 * @param quarantined          rows quarantined, over every delivery in data_quality
 * @param warnings             rows with warnings, likewise
 * @param rejectedFiles        files rejected whole (source_file), and below those not read, by their data_quality status
 * @param extraColumns         "file: note" for each file read with columns outside the contract
 * @param invalidUtf8          "file: note" for each file read with bytes not valid UTF-8
 * @param tablesRestaged       staged tables rebuilt (the others' deliveries did not change)
 * @param rekeyedFrom          the fingerprint of the key the warehouse was built with, on a --rekey run; else null
 */
public record IngestResult(
        long rowsRead,
        long stagedRows,
        double seconds,
        int filesParsed,
        long quarantined,
        long warnings,
        List<String> rejectedFiles,
        List<String> notReadBadName,
        List<String> notReadAfterAsOf,
        List<String> notReadUnknownFolder,
        List<String> notReadLink,
        List<String> extraColumns,
        List<String> invalidUtf8,
        int tablesRestaged,
        String rekeyedFrom,
        StageCost cost)
        implements StageSummary {
    public static final String STAGE = "ingest";

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return rowsRead;
    }

    @Override
    public long rowsOut() {
        return stagedRows;
    }

    @Override
    public IngestResult withCost(StageCost cost) {
        return new IngestResult(
                rowsRead,
                stagedRows,
                seconds,
                filesParsed,
                quarantined,
                warnings,
                rejectedFiles,
                notReadBadName,
                notReadAfterAsOf,
                notReadUnknownFolder,
                notReadLink,
                extraColumns,
                invalidUtf8,
                tablesRestaged,
                rekeyedFrom,
                cost);
    }

    /** This result, on a run that re-pseudonymised the warehouse built with the key of this fingerprint. */
    public IngestResult withRekeyedFrom(String fingerprint) {
        return new IngestResult(
                rowsRead,
                stagedRows,
                seconds,
                filesParsed,
                quarantined,
                warnings,
                rejectedFiles,
                notReadBadName,
                notReadAfterAsOf,
                notReadUnknownFolder,
                notReadLink,
                extraColumns,
                invalidUtf8,
                tablesRestaged,
                fingerprint,
                cost);
    }

    @Override
    public List<Figure> figures() {
        return Figure.list()
                .add("files_parsed", filesParsed)
                .add("quarantined", quarantined)
                .add("warnings", warnings)
                .addIfAny(name(DataQualityColumns.STATUS_REJECTED_FILE), rejectedFiles)
                .addIfAny(name(DataQualityColumns.STATUS_NOT_READ_BAD_NAME), notReadBadName)
                .addIfAny(name(DataQualityColumns.STATUS_NOT_READ_AFTER_AS_OF), notReadAfterAsOf)
                .addIfAny(name(DataQualityColumns.STATUS_NOT_READ_UNKNOWN_FOLDER), notReadUnknownFolder)
                .addIfAny(name(DataQualityColumns.STATUS_NOT_READ_LINK), notReadLink)
                .addIfAny("extra_columns", extraColumns)
                .addIfAny("invalid_utf8", invalidUtf8)
                .add("tables_restaged", tablesRestaged)
                .build();
    }

    /** The rekey is recorded after the cost: the run adds it once the stage is measured. */
    @Override
    public List<Figure> recorded() {
        List<Figure> all = new java.util.ArrayList<>(StageSummary.super.recorded());
        if (rekeyedFrom != null) {
            all.add(new Figure("rekeyed_from_key_fingerprint", rekeyedFrom));
        }
        return all;
    }

    private static String name(String status) {
        return status.toLowerCase(Locale.ROOT);
    }
}
