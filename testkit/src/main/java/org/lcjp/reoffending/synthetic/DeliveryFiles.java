package org.lcjp.reoffending.synthetic;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;

/**
 * The quarterly delta files of every dataset, opened lazily and kept open while people stream through.
 * A row lands in the first quarterly extract after the day it became known; the extract is dated a week after
 * the quarter ends, so every date in a file is before its extract date. Rows known before the first delivered
 * quarter go into the first file (the history backfill); rows known after the last quarter are never delivered.
 */
final class DeliveryFiles implements Closeable {
    /** Datasets whose files always carry record_status because they withdraw records. */
    private static final List<DatasetId> ALWAYS_STATUS = List.of(Datasets.COURTS_CONVICTIONS, Datasets.POLICE_OUTCOMES);

    private final Path inputRoot;
    private final long seed;
    private final int firstQuarter;
    private final int lastQuarter;
    private final int historyStartDay;
    private final Map<String, DeliveryFile> open = new HashMap<>();
    private final Map<String, Long> rowsPerDataset = new TreeMap<>();

    /** One open delivery file and the header layout drawn for it. */
    private record DeliveryFile(CSVPrinter printer, List<String> columns, boolean hasStatus) {}

    /** @param historyStartDay rows known before this day predate the agencies' data holdings and are not delivered */
    DeliveryFiles(Path inputRoot, long seed, int firstQuarter, int lastQuarter, int historyStartDay) {
        this.historyStartDay = historyStartDay;
        this.inputRoot = inputRoot;
        this.seed = seed;
        this.firstQuarter = firstQuarter;
        this.lastQuarter = lastQuarter;
        Datasets.all().forEach(s -> rowsPerDataset.put(s.id().path(), 0L));
    }

    static int quarterOf(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 4 + (d.getMonthValue() - 1) / 3;
    }

    static int quarterStartDay(int quarter) {
        return (int) LocalDate.of(quarter / 4, (quarter % 4) * 3 + 1, 1).toEpochDay();
    }

    static LocalDate extractDate(int quarter) {
        return LocalDate.ofEpochDay(quarterStartDay(quarter + 1)).plusDays(6);
    }

    boolean delivered(int knownDay) {
        return knownDay >= historyStartDay && quarterOf(knownDay) <= lastQuarter;
    }

    /** Writes a row (values by contract column name) to the extract that first knows it; false if never delivered. */
    boolean write(DatasetId id, int knownDay, Map<String, String> values) throws IOException {
        if (!delivered(knownDay)) {
            return false;
        }
        int quarter = Math.max(firstQuarter, quarterOf(knownDay));
        DeliveryFile file = file(id, quarter);
        List<String> out = new ArrayList<>(file.columns().size());
        for (String c : file.columns()) {
            String v = values.get(c);
            if (c.equals(Datasets.RECORD_STATUS) && v == null) {
                v = "";
            }
            out.add(v == null ? "" : v);
        }
        if (!file.hasStatus() && Datasets.STATUS_DELETED.equals(values.get(Datasets.RECORD_STATUS))) {
            throw new IllegalStateException(
                    "Cannot write a DELETED row: file has no record_status column (" + id + ")");
        }
        file.printer().printRecord(out);
        rowsPerDataset.merge(id.path(), 1L, Long::sum);
        return true;
    }

    private DeliveryFile file(DatasetId id, int quarter) throws IOException {
        String date = extractDate(quarter).toString().replace("-", "");
        String key = id.path() + "/" + date;
        DeliveryFile f = open.get(key);
        if (f != null) {
            return f;
        }
        SplittableRandom layout = new SplittableRandom(Mix.hash(seed, key.hashCode(), 0x4C41594FL));
        List<String> columns = new ArrayList<>(Datasets.spec(id).columnNames());
        boolean status = ALWAYS_STATUS.contains(id) || layout.nextDouble() < 0.5;
        if (!status) {
            columns.remove(Datasets.RECORD_STATUS);
        }
        double style = layout.nextDouble();
        if (style < 0.12) {
            for (int i = columns.size() - 1; i > 0; i--) {
                int j = layout.nextInt(i + 1);
                String t = columns.get(i);
                columns.set(i, columns.get(j));
                columns.set(j, t);
            }
        }
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(
                    style >= 0.12 && style < 0.22
                            ? c.toUpperCase(Locale.ROOT)
                            : style >= 0.22 && style < 0.30
                                    ? " " + Character.toUpperCase(c.charAt(0)) + c.substring(1) + " "
                                    : c);
        }
        Path path = inputRoot.resolve(id.agency()).resolve(id.dataset()).resolve(id.dataset() + "_" + date + ".csv");
        Files.createDirectories(path.getParent());
        BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        if (layout.nextDouble() < 0.05) {
            w.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(
                w,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get());
        f = new DeliveryFile(printer, columns, status);
        open.put(key, f);
        return f;
    }

    Map<String, Long> rowsPerDataset() {
        return rowsPerDataset;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (DeliveryFile f : open.values()) {
            try {
                f.printer().close(true);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
