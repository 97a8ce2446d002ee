package org.lcjp.reoffending.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The privacy scan's matcher finds whole words only, as the regular expression it replaced did. */
class ClearIdentifiersTest {
    @Test
    void findsAnIdentifierAsAWholeWordOnly() {
        List<String> ids = List.of("Mary", "DL3 6QQ", "1988/0054321H", "1988-04-12");
        assertThatCode(() -> ClearIdentifiers.assertNoWholeWord(
                        List.of(
                                "{\"text\":\"summary\",\"pc\":\"xdl3 6qq\"}",
                                "{\"d\":\"19880412\",\"t\":\"marymary\"}"),
                        ids))
                .doesNotThrowAnyException();
        for (String row :
                List.of("{\"n\":\"mary\"}", "mary", "a dl3 6qq.", "{\"p\":\"1988/0054321h\"}", "x 1988-04-12")) {
            assertThatThrownBy(() -> ClearIdentifiers.assertNoWholeWord(List.of(row), ids))
                    .as(row)
                    .isInstanceOf(AssertionError.class);
        }
    }
}
