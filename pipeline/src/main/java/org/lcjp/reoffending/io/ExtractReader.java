package org.lcjp.reoffending.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.ingest.QuarantineRule;

/**
 * Reads one dataset's extract files on the executors (one task per file, so line numbers are exact) into raw rows:
 * provenance, every contract column as trimmed text (null when empty or absent) and, for a row that could not be
 * read, the rule, column and message that quarantine it. A file rejected whole still yields one row per record, so
 * that rows read = accepted + quarantined holds for it too.
 */
public final class ExtractReader {
    public static final String PARSE_RULE = "_parse_rule";
    public static final String PARSE_COLUMN = "_parse_column";
    public static final String PARSE_MESSAGE = "_parse_message";

    private static final String PATH = "path";

    private final int maxRecordLines;

    /** @param maxRecordLines lines a quoted field may span before its quote is judged unbalanced */
    public ExtractReader(int maxRecordLines) {
        this.maxRecordLines = maxRecordLines;
    }

    public static StructType rawSchema(DatasetSpec spec) {
        StructType s = new StructType()
                .add(StagedColumns.AGENCY, DataTypes.StringType, false)
                .add(StagedColumns.DATASET, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_FILE, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_LINE, DataTypes.LongType, false)
                .add(StagedColumns.EXTRACT_DATE, DataTypes.DateType, false);
        for (String c : spec.columnNames()) {
            s = s.add(c, DataTypes.StringType, true);
        }
        return s.add(PARSE_RULE, DataTypes.StringType, true)
                .add(PARSE_COLUMN, DataTypes.StringType, true)
                .add(PARSE_MESSAGE, DataTypes.StringType, true);
    }

    /** Raw rows of the given files, all of {@code spec}'s dataset. */
    public Dataset<Row> read(SparkSession spark, DatasetSpec spec, List<ExtractFile> files) {
        StructType in = new StructType()
                .add(PATH, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_FILE, DataTypes.StringType, false)
                .add(StagedColumns.EXTRACT_DATE, DataTypes.DateType, false);
        List<Row> rows = files.stream()
                .map(f -> RowFactory.create(f.path().toAbsolutePath().toString(), f.sourceFile(), Date.valueOf(f.extractDate())))
                .toList();
        Dataset<Row> paths = spark.createDataFrame(rows, in).repartition(Math.max(1, files.size()));
        return paths.flatMap(new ParseFile(spec.id().agency(), spec.id().dataset(), new ArrayList<>(spec.columnNames()),
                new ArrayList<>(spec.requiredColumnNames()), maxRecordLines), Encoders.row(rawSchema(spec)));
    }

    /** The header of one file as the contract sees it; read on the driver only for reporting. */
    public HeaderMapping header(Path file, DatasetSpec spec) {
        try (BufferedReader r = open(file)) {
            return header(new CsvRecords(r, maxRecordLines), spec.columnNames(), spec.requiredColumnNames());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read file: " + e.getMessage() + " (" + file + ")", e);
        }
    }

    static HeaderMapping header(CsvRecords records, List<String> columns, List<String> required) {
        if (!records.hasNext()) {
            return HeaderMapping.unreadable(columns.size(), QuarantineRule.EMPTY_FILE, "Cannot read file: it has no header line");
        }
        CsvRecords.Record h = records.next();
        if (h.malformed()) {
            return HeaderMapping.unreadable(columns.size(), QuarantineRule.MALFORMED_HEADER,
                    "Cannot read file: header line cannot be split into fields, " + h.problem());
        }
        HeaderMapping m = HeaderMapping.of(h.fields(), columns, required);
        records.expectFields(m.fieldCount());
        return m;
    }

    static BufferedReader open(Path file) throws IOException {
        // Decoding replaces bad bytes rather than failing the whole file; RFC 4180 files are UTF-8 by contract.
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Parses one file into raw rows; runs on an executor. */
    static final class ParseFile implements FlatMapFunction<Row, Row> {
        private final String agency;
        private final String dataset;
        private final List<String> columns;
        private final List<String> required;
        private final int maxRecordLines;

        ParseFile(String agency, String dataset, List<String> columns, List<String> required, int maxRecordLines) {
            this.agency = agency;
            this.dataset = dataset;
            this.columns = columns;
            this.required = required;
            this.maxRecordLines = maxRecordLines;
        }

        @Override
        public Iterator<Row> call(Row file) throws IOException {
            String sourceFile = file.getString(1);
            Date extractDate = file.getDate(2);
            BufferedReader reader = open(Paths.get(file.getString(0)));
            CsvRecords records = new CsvRecords(reader, maxRecordLines);
            HeaderMapping header = header(records, columns, required);
            if (!records.hasNext()) {
                reader.close();
                return Collections.emptyIterator();
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = records.hasNext();
                    if (!more) {
                        try {
                            reader.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return more;
                }

                @Override
                public Row next() {
                    return toRow(records.next(), header, sourceFile, extractDate);
                }
            };
        }

        private Row toRow(CsvRecords.Record r, HeaderMapping header, String sourceFile, Date extractDate) {
            Object[] v = new Object[5 + columns.size() + 3];
            v[0] = agency;
            v[1] = dataset;
            v[2] = sourceFile;
            v[3] = r.line();
            v[4] = extractDate;
            int problem = 5 + columns.size();
            if (header.rejected()) {
                v[problem] = header.rejectionRule();
                v[problem + 1] = header.rejectionColumn();
                v[problem + 2] = header.rejectionReason();
            } else if (r.malformed()) {
                v[problem] = QuarantineRule.MALFORMED_LINE;
                v[problem + 2] = "Cannot read line: " + r.problem();
            } else if (r.fields().size() != header.fieldCount()) {
                v[problem] = QuarantineRule.WRONG_FIELD_COUNT;
                v[problem + 2] = "Cannot read line: " + r.fields().size() + " fields where the header has "
                        + header.fieldCount() + " (" + r.fields().size() + ")";
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    int at = header.positions()[i];
                    if (at >= 0) {
                        String s = r.fields().get(at).strip();
                        v[5 + i] = s.isEmpty() ? null : s;
                    }
                }
            }
            return RowFactory.create(v);
        }
    }
}
