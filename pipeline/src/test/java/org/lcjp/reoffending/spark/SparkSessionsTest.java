package org.lcjp.reoffending.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.settings.SparkSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Generated code only where the input is big enough to repay compiling it. */
class SparkSessionsTest {
    private static final long MB = 1024L * 1024L;
    private final SparkSession spark = SparkTestSession.get();

    @AfterEach
    void asTheTestSessionWas() {
        SparkSessions.chooseExecution(spark, SparkSettings.defaults(), 0);
        spark.conf().set("spark.sql.adaptive.enabled", false);
        spark.conf().set("spark.sql.shuffle.partitions", 2);
    }

    @Test
    void smallInputIsInterpretedAndLargeInputGeneratesCode() {
        SparkSettings settings = new SparkSettings(null, 64, null);
        assertThat(SparkSessions.chooseExecution(spark, settings, 64 * MB - 1)).isTrue();
        assertThat(spark.conf().get("spark.sql.codegen.wholeStage")).isEqualTo("false");
        assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo("NO_CODEGEN");
        assertThat(SparkSessions.chooseExecution(spark, settings, 64 * MB)).isFalse();
        assertThat(spark.conf().get("spark.sql.codegen.wholeStage")).isEqualTo("true");
        assertThat(spark.conf().get("spark.sql.codegen.factoryMode")).isEqualTo("FALLBACK");
        assertThat(spark.range(5).selectExpr("sum(id * 2)").first().getLong(0)).isEqualTo(20L);
        assertThat(SparkSessions.chooseExecution(spark, new SparkSettings(null, 0, null), 0))
                .as("0 always generates")
                .isFalse();
    }

    @Test
    void smallInputPlansOnceWithAShufflePartitionPerCore() {
        SparkSettings settings = new SparkSettings(8, null, 64);
        assertThat(SparkSessions.choosePartitioning(spark, settings, 64 * MB - 1))
                .isTrue();
        assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
        assertThat(spark.conf().get("spark.sql.shuffle.partitions"))
                .isEqualTo(String.valueOf(spark.sparkContext().defaultParallelism()));
        assertThat(SparkSessions.choosePartitioning(spark, settings, 64 * MB)).isFalse();
        assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("true");
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("8");
        assertThat(spark.range(10)
                        .repartition(col("id"))
                        .groupBy()
                        .count()
                        .first()
                        .getLong(0))
                .isEqualTo(10L);
        assertThat(SparkSessions.choosePartitioning(spark, new SparkSettings(8, null, 0), 0))
                .as("0 never counts as small")
                .isFalse();
    }

    @Test
    void sparksOwnConfigurationWinsOverTheSmallInputChoice() {
        // What spark-submit, spark-defaults.conf or -D set reaches SparkConf as a system property.
        System.setProperty("spark.sql.shuffle.partitions", "5");
        try {
            spark.conf().set("spark.sql.shuffle.partitions", 5);
            assertThat(SparkSessions.choosePartitioning(spark, new SparkSettings(8, null, 64), 0))
                    .isTrue();
            assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("5");
            assertThat(spark.conf().get("spark.sql.adaptive.enabled")).isEqualTo("false");
        } finally {
            System.clearProperty("spark.sql.shuffle.partitions");
        }
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThat(new SparkSettings(null, -1, -2).problems())
                .containsExactly(
                        "interpreted_below_mb: must be 0 or more (-1)", "small_input_below_mb: must be 0 or more (-2)");
        assertThat(new SparkSettings(0, null, null).problems())
                .containsExactly("shuffle_partitions: must be at least 1 (0)");
    }
}
