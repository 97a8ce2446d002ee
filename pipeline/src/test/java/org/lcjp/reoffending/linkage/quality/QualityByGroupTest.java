package org.lcjp.reoffending.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.linkage.core.RecordGroups;
import org.lcjp.reoffending.testing.SparkTestSession;

/** linkage_quality per group of records: records, share linked to police or court, person sizes, and truth figures. */
class QualityByGroupTest {
    private static final StructType RP = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType)
            .add("match_method", DataTypes.StringType)
            .add(RecordGroups.SEX, DataTypes.StringType)
            .add(RecordGroups.ETHNICITY, DataTypes.StringType)
            .add(RecordGroups.AGE_BAND, DataTypes.StringType);
    private static final StructType TRUTH = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);

    // P1: a police record and a probation record of a woman; P2: a man's probation record alone; P3: two court records
    // of a man and a substance record (whose sex the agency did not record) that truly belongs to someone else.
    private static Dataset<Row> recordPerson() {
        return SparkTestSession.get()
                .createDataFrame(
                        List.of(
                                RowFactory.create(
                                        "police", "outcomes", "1", "P1", "PROBABILISTIC", "F", "WHITE", "18-20"),
                                RowFactory.create(
                                        "probation", "supervision", "2", "P1", "PROBABILISTIC", "F", "WHITE", "18-20"),
                                RowFactory.create(
                                        "probation", "supervision", "3", "P2", "SINGLETON", "M", "ASIAN", "25-29"),
                                RowFactory.create("courts", "convictions", "4", "P3", "PNC", "M", "BLACK", "30-34"),
                                RowFactory.create("courts", "convictions", "5", "P3", "PNC", "M", "BLACK", "30-34"),
                                RowFactory.create(
                                        "substance", "treatment", "6", "P3", "PROBABILISTIC", "U", "UNKNOWN", "30-34")),
                        RP);
    }

    private static Map<String, Double> figures(Dataset<Row> quality) {
        Map<String, Double> out = new HashMap<>();
        quality.collectAsList()
                .forEach(r -> out.put(
                        r.getAs("metric") + "|" + r.getAs("dimension") + "|" + r.getAs("group_name") + "|"
                                + r.getAs("category"),
                        r.getAs("value")));
        return out;
    }

    @Test
    void perGroupSharesAndSizes() {
        Dataset<Row> rp = recordPerson();
        Dataset<Row> scored = SparkTestSession.get()
                .createDataFrame(
                        List.of(RowFactory.create(12.0)), new StructType().add("match_weight", DataTypes.DoubleType));
        Map<String, Double> f = figures(
                new LinkageQuality().apply(rp, "person_id", LinkageQuality.perPerson(rp, "person_id"), scored, 0, 1));
        assertThat(f)
                .containsEntry(
                        "SHARE_LINKED_TO_POLICE_OR_COURT|DATASET|probation/supervision|probation/supervision", 0.5)
                .containsEntry("SHARE_LINKED_TO_POLICE_OR_COURT|DATASET|police/outcomes|police/outcomes", 0.0)
                .containsEntry("SHARE_LINKED_TO_POLICE_OR_COURT|DATASET|courts/convictions|courts/convictions", 1.0)
                .containsEntry("SHARE_LINKED_TO_POLICE_OR_COURT|SEX|F|F", 0.5)
                .containsEntry("SHARE_LINKED_TO_POLICE_OR_COURT|SEX|U|U", 1.0)
                .containsEntry("RECORDS|SEX|M|M", 3.0)
                .containsEntry("RECORDS_BY_CLUSTER_SIZE|SEX|M|3", 2.0 / 3)
                .containsEntry("RECORDS_BY_CLUSTER_SIZE|SEX|M|1", 1.0 / 3)
                .containsEntry("RECORDS_BY_CLUSTER_SIZE|AGE_BAND|30-34|3", 1.0)
                .containsEntry("RECORDS|ETHNICITY|BLACK|BLACK", 2.0)
                .containsEntry("CLUSTER_SIZE|ALL|ALL|3", 1.0)
                .containsEntry("PAIRS_SCORED|ALL|ALL|ALL", 1.0);
    }

    @Test
    void truthFiguresByGroupCountPairsFromEachEnd() {
        Dataset<Row> truth = SparkTestSession.get()
                .createDataFrame(
                        List.of(
                                RowFactory.create("police", "outcomes", "1", "T1"),
                                RowFactory.create("probation", "supervision", "2", "T1"),
                                RowFactory.create("probation", "supervision", "3", "T2"),
                                RowFactory.create("courts", "convictions", "4", "T3"),
                                RowFactory.create("courts", "convictions", "5", "T3"),
                                RowFactory.create("substance", "treatment", "6", "T4")),
                        TRUTH);
        Map<String, Double> f = figures(TruthAccuracy.byGroup(recordPerson(), truth));
        // Over all records: predicted pairs 1 + 3 = 4, true pairs 2, both 2: precision 0.5, recall 1 (the pairwise
        // figures).
        PairwiseAccuracy.Figures all = TruthAccuracy.measure(recordPerson(), truth);
        assertThat(all.precision()).isEqualTo(0.5);
        // Men: records 3, 4, 5 see 0, 2, 2 predicted mates, 0, 1, 1 true ones, 0, 1, 1 both.
        assertThat(f.get("PRECISION|SEX|M|M")).isCloseTo(0.5, within(1e-12));
        assertThat(f.get("RECALL|SEX|M|M")).isEqualTo(1.0);
        assertThat(f.get("PRECISION|SEX|F|F")).isEqualTo(1.0);
        assertThat(f.get("PRECISION|SEX|U|U")).isEqualTo(0.0);
        assertThat(f.get("F1|SEX|U|U")).isEqualTo(0.0);
        assertThat(f.get("RECALL|DATASET|substance/treatment|substance/treatment"))
                .as("no true mates: nothing missed")
                .isEqualTo(1.0);
        assertThat(f.get("F1|DATASET|courts/convictions|courts/convictions")).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
    }
}
