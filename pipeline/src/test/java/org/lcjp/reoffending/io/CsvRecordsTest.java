package org.lcjp.reoffending.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CsvRecordsTest {

    /** What one record came out as: its line and either its fields or "MALFORMED". */
    record Case(String description, String content, List<String> expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("BOM is dropped from the header", "\uFEFFa,b\n1,2\n", List.of("1:[a, b]", "2:[1, 2]")),
                new Case(
                        "quoted comma and doubled quote",
                        "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n",
                        List.of("1:[a, b]", "2:[x,y, say \"hi\"]")),
                new Case(
                        "quoted line break keeps the start line and later numbering",
                        "a,b\n\"two\nlines\",x\n3,y\n",
                        List.of("1:[a, b]", "2:[two\nlines, x]", "4:[3, y]")),
                new Case(
                        "unbalanced quote: only its line is lost, reading resumes",
                        "a,b\n1,2\n\"open,3\n4,5\n6,7\n",
                        List.of("1:[a, b]", "2:[1, 2]", "3:MALFORMED", "4:[4, 5]", "5:[6, 7]")),
                new Case(
                        "unbalanced quote followed by a quoted line",
                        "a,b\n\"open,1\n\"q\",2\n3,4\n",
                        List.of("1:[a, b]", "2:MALFORMED", "3:[q, 2]", "4:[3, 4]")),
                new Case(
                        "unbalanced quote on the last line",
                        "a,b\n1,2\n3,\"4\n",
                        List.of("1:[a, b]", "2:[1, 2]", "3:MALFORMED")),
                new Case(
                        "text after a closing quote",
                        "a,b\n\"x\"y,2\n3,4\n",
                        List.of("1:[a, b]", "2:MALFORMED", "3:[3, 4]")),
                new Case(
                        "quote inside an unquoted field is text",
                        "a,b\nO\"Brien,2\n",
                        List.of("1:[a, b]", "2:[O\"Brien, 2]")),
                new Case("CRLF and empty lines", "a,b\r\n\r\n1,2\r\n\r\n", List.of("1:[a, b]", "3:[1, 2]")),
                new Case("empty fields stay", "a,b,c\n,,\n", List.of("1:[a, b, c]", "2:[, , ]")),
                new Case("wrong field count is the caller's call", "a,b\n1,2,3\n", List.of("1:[a, b]", "2:[1, 2, 3]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsRecordsWithTheirFirstLine(Case c) {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(c.content())), 5);
        List<String> got = new ArrayList<>();
        boolean first = true;
        while (records.hasNext()) {
            CsvRecords.Record r = records.next();
            got.add(r.line() + ":" + (r.malformed() ? "MALFORMED" : r.fields().toString()));
            if (first) {
                records.expectFields(r.fields().size());
                first = false;
            }
        }
        assertThat(got).as(c.description()).containsExactlyElementsOf(c.expected());
    }
}
