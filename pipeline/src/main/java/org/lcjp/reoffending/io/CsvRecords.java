package org.lcjp.reoffending.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * RFC 4180 records with the physical line each starts on, read lazily from one file. Unlike a plain CSV parser it
 * recovers from an unbalanced quote: a record whose quote is still open at the end of its line may span lines, but
 * only if it closes within {@code maxRecordLines} lines and then has the expected field count; otherwise its first
 * line alone is reported malformed and reading resumes on the next physical line. Empty lines are not records.
 */
public final class CsvRecords implements Iterator<CsvRecords.Record> {
    private static final char BOM = '\uFEFF';

    /** One record: its fields (null when malformed), the line it starts on and, when malformed, why. */
    public record Record(long line, List<String> fields, String problem) {
        public boolean malformed() {
            return problem != null;
        }
    }

    private record Line(long number, String text) {}

    private final BufferedReader reader;
    private final int maxRecordLines;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private long lastLineRead;
    private int expectedFields = -1;
    private Record next;

    public CsvRecords(BufferedReader reader, int maxRecordLines) {
        this.reader = reader;
        this.maxRecordLines = maxRecordLines;
    }

    /** Field count a multi-line record must have to be believed; the header's, once known. */
    public void expectFields(int count) {
        this.expectedFields = count;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRecord();
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record r = next;
        next = null;
        return r;
    }

    private Record readRecord() {
        Line first;
        do {
            first = readLine();
            if (first == null) {
                return null;
            }
        } while (first.text().isEmpty());
        Parse p = parse(first.text());
        if (p.fields != null) {
            return new Record(first.number(), p.fields, null);
        }
        if (!p.openQuote) {
            return new Record(first.number(), null, p.problem);
        }
        List<Line> taken = new ArrayList<>();
        StringBuilder text = new StringBuilder(first.text());
        while (taken.size() + 1 < maxRecordLines) {
            Line more = readLine();
            if (more == null) {
                break;
            }
            taken.add(more);
            text.append('\n').append(more.text());
            Parse joined = parse(text.toString());
            if (joined.fields != null && (expectedFields < 0 || joined.fields.size() == expectedFields)) {
                return new Record(first.number(), joined.fields, null);
            }
            if (!joined.openQuote) {
                break;
            }
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
            pushedBack.addFirst(taken.get(i));
        }
        return new Record(first.number(), null, "a quoted field is never closed (unbalanced quote)");
    }

    private Line readLine() {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pollFirst();
        }
        try {
            String s = reader.readLine();
            if (s == null) {
                return null;
            }
            lastLineRead++;
            if (lastLineRead == 1 && !s.isEmpty() && s.charAt(0) == BOM) {
                s = s.substring(1);
            }
            return new Line(lastLineRead, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Parse(List<String> fields, boolean openQuote, String problem) {}

    /** Splits one candidate record; a quote inside an unquoted field is kept as text (common, harmless). */
    static Parse parse(String s) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            if (i < n && s.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            f.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    f.append(c);
                    i++;
                }
                if (!closed) {
                    return new Parse(null, true, "a quoted field is never closed (unbalanced quote)");
                }
                if (i < n && s.charAt(i) != ',') {
                    return new Parse(null, false, "text follows a closing quote (unbalanced quote)");
                }
            } else {
                while (i < n && s.charAt(i) != ',') {
                    f.append(s.charAt(i));
                    i++;
                }
            }
            fields.add(f.toString());
            f.setLength(0);
            if (i >= n) {
                return new Parse(fields, false, null);
            }
            i++; // the comma
        }
    }
}
