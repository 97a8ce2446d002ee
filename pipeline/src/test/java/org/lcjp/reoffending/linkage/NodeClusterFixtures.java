package org.lcjp.reoffending.linkage;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.testing.SparkTestSession;

/** The inputs of {@link org.lcjp.reoffending.linkage.clustering.NodeClusters} as tiny tables: records, nodes, edges, self pairs. */
final class NodeClusterFixtures {
    static final StructType RECORDS = new StructType()
            .add("rid", DataTypes.LongType)
            .add("record_key", DataTypes.StringType)
            .add("agency", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("record_id", DataTypes.StringType)
            .add("person_refs", DataTypes.createArrayType(DataTypes.LongType))
            .add("pnc_token", DataTypes.LongType)
            .add("node", DataTypes.LongType);
    static final StructType NODES = new StructType()
            .add("node", DataTypes.LongType)
            .add("records", DataTypes.LongType)
            .add("pnc_token", DataTypes.LongType);
    static final StructType EDGES = new StructType()
            .add("src", DataTypes.LongType)
            .add("dst", DataTypes.LongType)
            .add("weight", DataTypes.DoubleType)
            .add("match_probability", DataTypes.DoubleType)
            .add("match_method", DataTypes.StringType);
    static final StructType SELF =
            new StructType().add("node", DataTypes.LongType).add("match_probability", DataTypes.DoubleType);

    private NodeClusterFixtures() {}

    /** A police outcome record r&lt;rid&gt; of the node, without references. */
    static Row record(long rid, long node, Long pnc) {
        return RowFactory.create(rid, "police/outcomes/r" + rid, "police", "outcomes", "r" + rid, null, pnc, node);
    }

    static Dataset<Row> rows(StructType schema, Row... rows) {
        return SparkTestSession.get().createDataFrame(List.of(rows), schema);
    }
}
