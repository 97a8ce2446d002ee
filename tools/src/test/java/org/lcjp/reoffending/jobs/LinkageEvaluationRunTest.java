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
        // -Dlinkage.only=historical_50k,generated runs a subset; -Dlinkage.em_prior_share=x tries another prior.
        String only = System.getProperty("linkage.only", "");
        java.util.Set<String> names = only.isBlank() ? java.util.Set.of() : java.util.Set.of(only.split(","));
        var settings = org.lcjp.reoffending.settings.LinkageSettings.defaults();
        if (System.getProperty("linkage.em_prior_share") != null) {
            settings = settings.withEmPriorShare(Double.parseDouble(System.getProperty("linkage.em_prior_share")));
        }
        List<LinkageEvaluation.Result> results = LinkageEvaluation.run(
                SparkTestSession.get(),
                Path.of(System.getProperty("linkage.benchmarks")),
                System.out,
                settings,
                names,
                0.5,
                0.8);
        assertThat(results).hasSize(names.isEmpty() ? 5 : names.size());
    }
}
