package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lcjp.reoffending.testing.SparkTestSession;

/** The full benchmark run (minutes): only with -Dlinkage.benchmarks=&lt;dir&gt;, e.g. ../shared/linkage-benchmarks. */
@EnabledIfSystemProperty(named = "linkage.benchmarks", matches = ".+")
class LinkageEvaluationRunTest {
    @Test
    void linksEveryBenchmark() {
        List<LinkageEvaluation.Result> results = LinkageEvaluation.run(SparkTestSession.get(),
                Path.of(System.getProperty("linkage.benchmarks")), System.out,
                org.lcjp.reoffending.settings.LinkageSettings.defaults(), 0.5, 0.8);
        assertThat(results).hasSize(4);
    }
}
