package org.lcjp.reoffending.linkage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.linkage.comparison.ComparePairs;
import org.lcjp.reoffending.linkage.comparison.Comparison;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.pseudonymise.PseudonymisationKey;
import org.lcjp.reoffending.pseudonymise.PseudonymiseIdentifiers;
import org.lcjp.reoffending.settings.PseudonymiseSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** Tiny clear police/outcomes rows pseudonymised by the real stage: staged-like input for linkage tests. */
final class ClearRecords {
    static final DatasetId POLICE = Datasets.POLICE_OUTCOMES;
    static final PseudonymisationKey KEY = PseudonymisationKey.of(
            "a test key that is long enough to be used 123".getBytes(StandardCharsets.UTF_8), "test");
    static final StructType CLEAR = new StructType()
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("custody_ref", DataTypes.StringType)
            .add("pnc_id", DataTypes.StringType)
            .add("forename", DataTypes.StringType)
            .add("surname", DataTypes.StringType)
            .add("date_of_birth", DataTypes.DateType)
            .add("sex", DataTypes.StringType)
            .add("ethnicity", DataTypes.StringType)
            .add("postcode", DataTypes.StringType);

    private ClearRecords() {}

    /** Each row: record_id, custody_ref, pnc_id, forename, surname, dob (yyyy-MM-dd or null), sex, postcode. */
    static Dataset<Row> staged(String[]... rows) {
        List<Row> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(RowFactory.create(
                    POLICE.agency(),
                    POLICE.dataset(),
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5] == null ? null : Date.valueOf(r[5]),
                    r[6],
                    null,
                    r[7]));
        }
        Dataset<Row> clear = SparkTestSession.get().createDataFrame(out, CLEAR);
        return new PseudonymiseIdentifiers(PseudonymiseSettings.defaults(), KEY).apply(clear, Datasets.spec(POLICE));
    }

    static Map<DatasetId, Dataset<Row>> police(String[]... rows) {
        return Map.of(POLICE, staged(rows));
    }

    /** Record 1 compared with record 2 of linkage records, each record a node of its own (node = rid). */
    static Row compareFirstTwo(List<Comparison> comparisons, Dataset<Row> linkageRecords) {
        return compareFirstTwo(comparisons, linkageRecords, true);
    }

    /** As above, with the profile table broadcast to the pair or shuffled to it. */
    static Row compareFirstTwo(List<Comparison> comparisons, Dataset<Row> linkageRecords, boolean broadcastProfiles) {
        List<Column> cols = new ArrayList<>(
                List.of(col(LinkageColumns.RID).as(LinkageColumns.NODE), lit(1L).as(LinkageColumns.RECORDS)));
        LinkageRecords.comparedColumns(linkageRecords).forEach(c -> cols.add(col(c)));
        Dataset<Row> nodes =
                LinkageRecords.withTermFrequencies(linkageRecords.select(cols.toArray(Column[]::new)), lit(1L));
        Dataset<Row> pair = SparkTestSession.get()
                .createDataFrame(
                        List.of(RowFactory.create(rid(linkageRecords, "1"), rid(linkageRecords, "2"))),
                        new StructType()
                                .add(LinkageColumns.NODE_L, DataTypes.LongType)
                                .add(LinkageColumns.NODE_R, DataTypes.LongType));
        return new ComparePairs(comparisons, 8, broadcastProfiles)
                .apply(pair, nodes)
                .first();
    }

    static long rid(Dataset<Row> linkageRecords, String recordId) {
        return linkageRecords.where(col("record_id").equalTo(recordId)).first().getAs(LinkageColumns.RID);
    }

    static String[] row(String... values) {
        return Arrays.copyOf(values, 8);
    }
}
