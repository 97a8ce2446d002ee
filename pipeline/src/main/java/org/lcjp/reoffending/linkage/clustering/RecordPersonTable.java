package org.lcjp.reoffending.linkage.clustering;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.lcjp.reoffending.domain.RecordPersonColumns;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.linkage.core.LinkageColumns;

/**
 * record_person: one row per record, in one pass over the records (every lookup is by node or cluster).
 * match_method is the strongest kind of accepted link the record has inside its person (PNC, then REF, then
 * PROBABILISTIC), SINGLETON when alone; match_probability is 1 for PNC/REF, the best accepted pair probability for
 * PROBABILISTIC, null for SINGLETON. A record's links are its node's edges to nodes of the same person, the links to
 * the other records of its own node (PNC when they share one, else their self-pair probability when accepted), and REF
 * when another record of its person holds one of its references.
 */
public final class RecordPersonTable {
    private static final int PNC = 3;
    private static final int REF = 2;
    private static final int PROBABILISTIC = 1;
    private static final String RANK = "rank";
    private static final String P = "p";
    private static final String REF_RID = "ref_rid";
    private static final String REF_SHARED = "ref_shared";
    private final boolean broadcastNodes;

    /** @param broadcastNodes whether a narrow row per node is few enough to broadcast (to the edges and the records) */
    public RecordPersonTable(boolean broadcastNodes) {
        this.broadcastNodes = broadcastNodes;
    }

    public RecordPersonTable() {
        this(true);
    }

    /**
     * The record_person columns, then the cluster (the person as a long, for grouping) and the records' group columns. records: rid, agency,
     * dataset, record_id, node, person_refs, cluster; nodes: node, records, pnc_token, self_probability (null unless the
     * node's records are linked by it), expanded (its records are people of their own), pnc_edge, edge_probability
     * ({@link NodeClusters}); personIds: cluster, person_id; shared: the references held by more than one record of a
     * person ({@link ReferenceGroups#sharedInsidePersons}).
     */
    public Dataset<Row> apply(Dataset<Row> records, Dataset<Row> nodes, Dataset<Row> personIds, Dataset<Row> shared) {
        // A node's rank and best probability from its links inside its person and from its own records.
        Column several =
                col(LinkageColumns.RECORDS).gt(1).and(col(NodeClusters.EXPANDED).equalTo(false));
        Column selfP = when(several, col(NodeClusters.SELF_PROBABILITY));
        Column edgeP = col(NodeClusters.EDGE_PROBABILITY);
        Dataset<Row> perNode = nodes.select(
                col(LinkageColumns.NODE),
                greatest(
                                when(col(NodeClusters.PNC_EDGE), lit(PNC))
                                        .when(edgeP.isNotNull(), lit(PROBABILISTIC))
                                        .otherwise(lit(0)),
                                when(several.and(col(StagedColumns.PNC_TOKEN).isNotNull()), lit(PNC))
                                        .when(selfP.isNotNull(), lit(PROBABILISTIC))
                                        .otherwise(lit(0)))
                        .as(RANK),
                greatest(edgeP, selfP).as(P));
        Dataset<Row> ranked = records.join(nodeSized(perNode), LinkageColumns.NODE)
                .join(nodeSized(personIds), LinkageColumns.CLUSTER);
        // A record of the contract's datasets holds one reference at most: it is looked up as it is. Records holding
        // several (a configuration naming more than one per dataset) are exploded, looked up and gathered again.
        Column refs = col(LinkageColumns.PERSON_REFS);
        Column single = refs.isNull().or(size(refs).leq(1));
        Dataset<Row> flags = shared.withColumn(REF_SHARED, lit(true));
        Column sameCluster = col(LinkageColumns.CLUSTER).equalTo(col(ReferenceGroups.SHARED_CLUSTER));
        Dataset<Row> one = ranked.where(single)
                .join(
                        flags,
                        get(refs, lit(0))
                                .equalTo(col(ReferenceGroups.SHARED_REF))
                                .and(sameCluster),
                        "left")
                .drop(ReferenceGroups.SHARED_REF, ReferenceGroups.SHARED_CLUSTER);
        Dataset<Row> multiple = ranked.where(not(single));
        Dataset<Row> multipleShared = multiple.select(
                        col(LinkageColumns.RID).as(REF_RID),
                        col(LinkageColumns.CLUSTER),
                        explode(refs).as("ref"))
                .join(flags, col("ref").equalTo(col(ReferenceGroups.SHARED_REF)).and(sameCluster))
                .groupBy(REF_RID)
                .agg(max(REF_SHARED).as(REF_SHARED));
        Dataset<Row> flagged = one.unionByName(
                multiple.join(multipleShared, col(LinkageColumns.RID).equalTo(col(REF_RID)), "left")
                        .drop(REF_RID));
        Column r = col(RANK);
        java.util.List<Column> out = new java.util.ArrayList<>(java.util.List.of(
                col(RecordPersonColumns.AGENCY),
                col(RecordPersonColumns.DATASET),
                col(RecordPersonColumns.RECORD_ID),
                col(RecordPersonColumns.PERSON_ID),
                when(r.equalTo(PNC), lit(LinkageColumns.METHOD_PNC))
                        .when(r.equalTo(REF), lit(LinkageColumns.METHOD_REF))
                        .when(r.equalTo(PROBABILISTIC), lit(LinkageColumns.METHOD_PROBABILISTIC))
                        .otherwise(lit(LinkageColumns.METHOD_SINGLETON))
                        .as(RecordPersonColumns.MATCH_METHOD),
                when(r.geq(REF), lit(1.0))
                        .when(r.equalTo(PROBABILISTIC), col(P))
                        .otherwise(lit(null).cast(DataTypes.DoubleType))
                        .as(RecordPersonColumns.MATCH_PROBABILITY),
                col(LinkageColumns.CLUSTER)));
        // The record's quality groups ride along when the records carry them (RecordGroups).
        org.lcjp.reoffending.linkage.core.RecordGroups.present(records.columns())
                .forEach(g -> out.add(col(g)));
        return flagged.withColumn(
                        RANK,
                        when(col(REF_SHARED).isNotNull().and(r.lt(REF)), lit(REF))
                                .otherwise(r))
                .select(out.toArray(Column[]::new));
    }

    private Dataset<Row> nodeSized(Dataset<Row> perNode) {
        return broadcastNodes ? broadcast(perNode) : perNode;
    }

    /** Records in persons of each size, for the quality table. */
    public static Dataset<Row> clusterSizes(Dataset<Row> recordPerson) {
        return recordPerson
                .groupBy(RecordPersonColumns.PERSON_ID)
                .agg(count(lit(1)).as("size"));
    }
}
