package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.linkage.LinkPeople;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Where FEBRL4 true pairs are lost: not blocked, or scored below the threshold. Manual (-Dlinkage.diagnose=dir). */
@EnabledIfSystemProperty(named = "linkage.diagnose", matches = ".+")
class LinkageDiagnosticsTest {
    @Test
    void febrl4MissedPairs() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Path dir = Path.of(System.getProperty("linkage.diagnose")).resolve("febrl");
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        PseudonymiseIdentifiers p =
                new PseudonymiseIdentifiers(PseudonymiseSettings.defaults(), PseudonymisationKey.of(secret, "t"));
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        Dataset<Row> truth = null;
        for (String f : new String[] {"dataset4a", "dataset4b"}) {
            DatasetId id = new DatasetId("bench", f);
            Dataset<Row> d = LinkageEvaluation.febrl(spark, dir.resolve(f + ".csv"))
                    .withColumn("agency", lit("bench"))
                    .withColumn("dataset", lit(f));
            staged.put(id, p.apply(d, LinkageEvaluation.spec(id)));
            Dataset<Row> t = d.select(
                    concat_ws("/", lit("bench"), lit(f), col("record_id")).as("k"), col("truth"));
            truth = truth == null ? t : truth.union(t);
        }
        LinkPeople.Outcome o =
                new LinkPeople(LinkageSettings.defaults(), PseudonymiseSettings.defaults()).run(staged, null, null);
        Dataset<Row> ta =
                truth.where(col("k").startsWith("bench/dataset4a")).select(col("k").as("record_key_l"), col("truth"));
        Dataset<Row> tb =
                truth.where(col("k").startsWith("bench/dataset4b")).select(col("k").as("record_key_r"), col("truth"));
        Dataset<Row> pairs =
                ta.join(tb, "truth").join(o.scoredPairs(), new String[] {"record_key_l", "record_key_r"}, "left");
        System.out.println("true pairs not blocked: "
                + pairs.where(col("match_weight").isNull()).count());
        pairs.where(col("match_weight").isNotNull())
                .groupBy(floor(col("match_weight")).as("w"))
                .count()
                .orderBy("w")
                .show(60);
    }
}
