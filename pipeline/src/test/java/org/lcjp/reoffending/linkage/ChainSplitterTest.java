package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.clustering.ChainSplitter;
import org.lcjp.reoffending.linkage.clustering.ChainSplitter.Edge;

class ChainSplitterTest {
    @Test
    void cutsTheWeakestLinkBetweenTwoPncTokens() {
        List<Edge<String>> chain = List.of(
                new Edge<>("a", "b", 20, "X", null),
                new Edge<>("b", "c", 4, null, null),
                new Edge<>("c", "d", 15, null, "Y"));
        Map<String, String> groups = new ChainSplitter(200).split(chain);
        assertThat(groups).containsExactlyInAnyOrderEntriesOf(Map.of("a", "a", "b", "a", "c", "c", "d", "c"));
    }

    @Test
    void capsTheGroupSize() {
        List<Edge<String>> star = List.of(
                new Edge<>("a", "b", 10, null, null),
                new Edge<>("a", "c", 9, null, null),
                new Edge<>("a", "d", 8, null, null));
        Map<String, String> groups = new ChainSplitter(3).split(star);
        assertThat(groups.get("d")).isEqualTo("d");
        assertThat(groups.get("c")).isEqualTo("a");
    }
}
