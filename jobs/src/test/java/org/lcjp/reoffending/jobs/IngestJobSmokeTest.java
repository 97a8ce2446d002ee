package org.lcjp.reoffending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcjp.reoffending.io.Warehouse;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.settings.PipelineSettings;
import org.lcjp.reoffending.testing.Extracts;
import org.lcjp.reoffending.testing.SparkTestSession;

class IngestJobSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void runs() {
        SparkSession spark = SparkTestSession.get();
        Path in = tmp.resolve("in");
        Extracts.write(in, "police", "outcomes", "outcomes_20240110.csv", Extracts.POLICE_HEADER,
                Extracts.police("r1", "Anne", "Smith"), Extracts.police("r2", "Bob", "Jones"),
                "r3,C3,,Carl,\"Unclosed,1990-01-01,M,,,008/01,2024-01-02,2024-01-05,CHARGED,DURHAM",
                Extracts.police("r4", "Dee", "Brown"));
        RunContext ctx = new RunContext(in, new Warehouse(tmp.resolve("out")), tmp.resolve("pub"), LocalDate.of(2024, 2, 1),
                PseudonymisationKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "test"),
                Path.of("../conf"), PipelineSettings.defaults());
        StageResult r = new IngestJob().run(spark, ctx);
        System.out.println(r.summaryLine());
        spark.read().parquet(tmp.resolve("pub/data_quality").toString()).show(false);
        spark.read().parquet(tmp.resolve("out/warehouse/quarantine").toString()).show(false);
        spark.read().parquet(tmp.resolve("out/warehouse/staged/police_outcomes").toString()).printSchema();
        assertThat(r.rowsIn()).isEqualTo(4);
    }
}
