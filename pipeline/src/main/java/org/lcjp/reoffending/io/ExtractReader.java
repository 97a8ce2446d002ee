package org.lcjp.reoffending.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Date;
import java.util.ArrayList;
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
import org.apache.spark.util.CollectionAccumulator;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.QuarantineRule;
import org.lcjp.reoffending.domain.StagedColumns;

/**
 * Reads one dataset's extract files on the executors (each task reads a whole file, so line numbers are exact) into raw rows:
 * provenance, every contract column as trimmed text (null when empty or absent) and, for a row that could not be
 * read, the rule, column and message that quarantine it. A file rejected whole still yields one row per record, so
 * that rows read = accepted + quarantined holds for it too.
 *
 * <p>A file larger than {@code splitBytes} is read by several tasks, each parsing the whole file (record boundaries
 * depend on quotes, and parsing is cheap) but keeping every k-th record: the rows come out evenly spread over tasks
 * and grouped by file, so nothing downstream needs to shuffle them (a first full delivery is a third of the history).
 * Smaller files share tasks, up to {@code splitBytes} each ({@link ReadTasks}).
 *
 * <p>Files are opened through {@link Storage} on the executors (any Hadoop file system), once each: the task
 * reading a file's first chunk also hashes its bytes and reports the hash and the header through {@link FileFacts}.
 *
 * <p>Bytes that are not valid UTF-8 are read as U+FFFD, and the contract columns holding them are named in
 * {@link #INVALID_UTF8} for validation to warn about (file, line and column, never the value).
 */
public final class ExtractReader {
    public static final String PARSE_RULE = "_parse_rule";
    public static final String PARSE_COLUMN = "_parse_column";
    public static final String PARSE_MESSAGE = "_parse_message";
    /** The contract columns of a row whose bytes were not valid UTF-8 (array of names), or null: almost always null. */
    public static final String INVALID_UTF8 = "_invalid_utf8";

    /**
     * What the decoder puts where bytes are not valid UTF-8: a lone low surrogate, which strict UTF-8 decoding never
     * yields from valid input (even an encoded surrogate is malformed), so a literal U+FFFD in the file is not taken
     * for a bad byte. The parser turns it into U+FFFD and notes the column; it never leaves this class.
     */
    static final char MALFORMED = '\uDC80';

    private static final String REPLACEMENT = "\uFFFD";

    private static final String PATH = "path";

    private static final String CHUNK = "chunk";
    private static final String FIELDS = "_fields";
    private static final String CHUNKS = "chunks";

    private final int maxRecordLines;
    private final long splitBytes;
    private final Storage storage;

    /**
     * @param maxRecordLines lines a quoted field may span before its quote is judged unbalanced
     * @param splitBytes     file size above which more than one task reads a file
     * @param storage        how executors reach the files
     */
    public ExtractReader(int maxRecordLines, long splitBytes, Storage storage) {
        this.maxRecordLines = maxRecordLines;
        this.splitBytes = splitBytes;
        this.storage = storage;
    }

    /** Local files on this JVM's file systems (tests). */
    public ExtractReader(int maxRecordLines, long splitBytes) {
        this(maxRecordLines, splitBytes, Storage.fromEnvironment());
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
                .add(PARSE_MESSAGE, DataTypes.StringType, true)
                .add(INVALID_UTF8, DataTypes.createArrayType(DataTypes.StringType, false), true);
    }

    /** Raw rows of the given files, all of {@code spec}'s dataset; each task's rows come file by file. */
    public Dataset<Row> read(SparkSession spark, DatasetSpec spec, List<ExtractFile> files) {
        return read(spark, spec, files, null);
    }

    /** As {@link #read(SparkSession, DatasetSpec, List)}, reporting each file's hash and header to {@code facts}. */
    public Dataset<Row> read(SparkSession spark, DatasetSpec spec, List<ExtractFile> files, FileFacts facts) {
        StructType in = new StructType()
                .add(PATH, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_FILE, DataTypes.StringType, false)
                .add(StagedColumns.EXTRACT_DATE, DataTypes.DateType, false)
                .add(CHUNK, DataTypes.IntegerType, false)
                .add(CHUNKS, DataTypes.IntegerType, false);
        List<ReadTasks.Read<Row>> reads = new ArrayList<>();
        for (ExtractFile f : files) {
            int chunks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (f.bytes() + splitBytes - 1) / splitBytes));
            for (int c = 0; c < chunks; c++) {
                reads.add(new ReadTasks.Read<>(
                        RowFactory.create(
                                f.path().toString(), f.sourceFile(), Date.valueOf(f.extractDate()), c, chunks),
                        f.bytes() / chunks));
            }
        }
        // One partition per task, each holding whole reads (ReadTasks): a task's rows come file by file.
        List<List<Row>> tasks =
                ReadTasks.deal(reads, splitBytes, spark.sparkContext().defaultParallelism());
        Dataset<Row> paths = spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(tasks, Math.max(1, tasks.size()))
                        .flatMap(List::iterator),
                in);
        // The contract's columns travel as one array and are split by Spark: an encoder with a field per column
        // generates a method too large for the JIT, which then ran interpreted for every row (a fifth of ingest).
        Dataset<Row> parsed = paths.flatMap(
                new ParseFile(
                        spec.id().agency(),
                        spec.id().dataset(),
                        new ArrayList<>(spec.columnNames()),
                        new ArrayList<>(spec.requiredColumnNames()),
                        maxRecordLines,
                        storage,
                        facts == null ? null : facts.accumulator()),
                Encoders.row(parsedSchema()));
        List<org.apache.spark.sql.Column> out = new ArrayList<>();
        for (String c : List.of(
                StagedColumns.AGENCY,
                StagedColumns.DATASET,
                StagedColumns.SOURCE_FILE,
                StagedColumns.SOURCE_LINE,
                StagedColumns.EXTRACT_DATE)) {
            out.add(org.apache.spark.sql.functions.col(c));
        }
        for (int i = 0; i < spec.columnNames().size(); i++) {
            out.add(org.apache
                    .spark
                    .sql
                    .functions
                    .col(FIELDS)
                    .getItem(i)
                    .as(spec.columnNames().get(i)));
        }
        for (String c : List.of(PARSE_RULE, PARSE_COLUMN, PARSE_MESSAGE, INVALID_UTF8)) {
            out.add(org.apache.spark.sql.functions.col(c));
        }
        return parsed.select(out.toArray(org.apache.spark.sql.Column[]::new));
    }

    private static StructType parsedSchema() {
        return new StructType()
                .add(StagedColumns.AGENCY, DataTypes.StringType, false)
                .add(StagedColumns.DATASET, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_FILE, DataTypes.StringType, false)
                .add(StagedColumns.SOURCE_LINE, DataTypes.LongType, false)
                .add(StagedColumns.EXTRACT_DATE, DataTypes.DateType, false)
                .add(FIELDS, DataTypes.createArrayType(DataTypes.StringType, true), false)
                .add(PARSE_RULE, DataTypes.StringType, true)
                .add(PARSE_COLUMN, DataTypes.StringType, true)
                .add(PARSE_MESSAGE, DataTypes.StringType, true)
                .add(INVALID_UTF8, DataTypes.createArrayType(DataTypes.StringType, false), true);
    }

    static HeaderMapping header(CsvRecords records, List<String> columns, List<String> required) {
        if (!records.hasNext()) {
            return HeaderMapping.unreadable(
                    columns.size(), QuarantineRule.EMPTY_FILE, "Cannot read file: it has no header line");
        }
        CsvRecords.Record h = records.next();
        if (h.malformed()) {
            return HeaderMapping.unreadable(
                    columns.size(),
                    QuarantineRule.MALFORMED_HEADER,
                    "Cannot read file: header line cannot be split into fields, " + h.problem());
        }
        HeaderMapping m = HeaderMapping.of(
                h.fields().stream().map(ExtractReader::replaced).toList(), columns, required);
        records.expectFields(m.fieldCount());
        return m;
    }

    static BufferedReader reader(InputStream in) {
        // Decoding replaces bad bytes rather than failing the whole file (RFC 4180 files are UTF-8 by contract), with a
        // marker the parser can tell from a U+FFFD of the file: found in the one decoding pass, no second look.
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(MALFORMED));
        return new BufferedReader(new InputStreamReader(in, strict), 1 << 16);
    }

    /** Text as the file meant it: each marked bad byte sequence as U+FFFD. */
    static String replaced(String s) {
        return s.indexOf(MALFORMED) < 0 ? s : s.replace(String.valueOf(MALFORMED), REPLACEMENT);
    }

    /** Parses one file into raw rows; runs on an executor. */
    static final class ParseFile implements FlatMapFunction<Row, Row> {
        private final String agency;
        private final String dataset;
        private final List<String> columns;
        private final List<String> required;
        private final int maxRecordLines;
        private final Storage storage;
        private final CollectionAccumulator<FileFacts.Fact> facts;

        ParseFile(
                String agency,
                String dataset,
                List<String> columns,
                List<String> required,
                int maxRecordLines,
                Storage storage,
                CollectionAccumulator<FileFacts.Fact> facts) {
            this.agency = agency;
            this.dataset = dataset;
            this.columns = columns;
            this.required = required;
            this.maxRecordLines = maxRecordLines;
            this.storage = storage;
            this.facts = facts;
        }

        @Override
        public Iterator<Row> call(Row file) throws IOException {
            String sourceFile = file.getString(1);
            Date extractDate = file.getDate(2);
            int chunk = file.getInt(3);
            int chunks = file.getInt(4);
            // The first chunk's task hashes the bytes as it parses them: the one time the file is opened for both.
            boolean reports = chunk == 0 && facts != null;
            InputStream in = storage.open(StoragePath.of(file.getString(0)));
            MessageDigest digest = reports ? Sha256.newDigest() : null;
            long[] bytes = new long[1];
            InputStream counted = reports
                    ? new java.io.FilterInputStream(new DigestInputStream(in, digest)) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            bytes[0] += b < 0 ? 0 : 1;
                            return b;
                        }

                        @Override
                        public int read(byte[] buf, int off, int len) throws IOException {
                            int n = super.read(buf, off, len);
                            bytes[0] += Math.max(n, 0);
                            return n;
                        }
                    }
                    : in;
            BufferedReader reader = reader(counted);
            CsvRecords records = new CsvRecords(reader, maxRecordLines);
            HeaderMapping header = header(records, columns, required);
            return new Iterator<>() {
                private long ordinal = -1;
                private CsvRecords.Record next = advance();

                /** The next record of this task's chunk (every chunks-th from the chunk-th), or null at the end. */
                private CsvRecords.Record advance() {
                    while (records.hasNext()) {
                        CsvRecords.Record r = records.next();
                        ordinal++;
                        if (ordinal % chunks == chunk) {
                            return r;
                        }
                    }
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (reports) {
                        facts.add(new FileFacts.Fact(sourceFile, Sha256.hex(digest), bytes[0], header));
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Row next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    Row row = toRow(next, header, sourceFile, extractDate);
                    next = advance();
                    return row;
                }
            };
        }

        private Row toRow(CsvRecords.Record r, HeaderMapping header, String sourceFile, Date extractDate) {
            String[] fields = new String[columns.size()];
            String rule = null;
            String column = null;
            String message = null;
            List<String> invalid = null;
            if (header.rejected()) {
                rule = header.rejectionRule();
                column = header.rejectionColumn();
                message = header.rejectionReason();
            } else if (r.malformed()) {
                rule = QuarantineRule.MALFORMED_LINE;
                message = "Cannot read line: " + r.problem();
            } else if (r.fields().size() != header.fieldCount()) {
                rule = QuarantineRule.WRONG_FIELD_COUNT;
                message = "Cannot read line: " + r.fields().size() + " fields where the header has "
                        + header.fieldCount() + " (" + r.fields().size() + ")";
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    int at = header.positions()[i];
                    if (at >= 0) {
                        String s = r.fields().get(at).strip();
                        // A Latin-1 string cannot hold the marker: indexOf answers at once for nearly every field.
                        if (s.indexOf(MALFORMED) >= 0) {
                            s = replaced(s);
                            invalid = invalid == null ? new ArrayList<>(1) : invalid;
                            invalid.add(columns.get(i));
                        }
                        fields[i] = s.isEmpty() ? null : s;
                    }
                }
            }
            return RowFactory.create(
                    agency,
                    dataset,
                    sourceFile,
                    r.line(),
                    extractDate,
                    scala.collection.immutable.ArraySeq.unsafeWrapArray(fields),
                    rule,
                    column,
                    message,
                    invalid == null
                            ? null
                            : scala.collection.immutable.ArraySeq.unsafeWrapArray(invalid.toArray(String[]::new)));
        }
    }
}
