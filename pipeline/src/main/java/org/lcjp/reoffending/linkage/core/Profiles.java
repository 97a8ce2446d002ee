package org.lcjp.reoffending.linkage.core;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.StagedColumns;
import org.lcjp.reoffending.spark.Checkpoints;

/**
 * Collapses records with the same identity profile (every compared column equal) into one node: agency data
 * repeats a person's identity many times, and every such record would otherwise be blocked, compared and clustered
 * again. A node's comparisons with other nodes are exactly its records' comparisons (they have the same columns), so
 * linking nodes and expanding afterwards changes nothing except the pairs inside a node, which are either certain
 * (a shared PNC) or scored once per node (its self pair) before its records are taken as one person. A record is
 * only collapsed when its profile is evidence of a person: a PNC token, or forename, surname and date of birth; the
 * others stay nodes of their own. The nodes carry the name term frequencies, counted over their records.
 */
public final class Profiles {
    /** records: rid, record_key, agency, dataset, record_id, person_refs, pnc_token, node (and the group columns); nodes: node, records, compared columns, name tfs. */
    public record Collapsed(Dataset<Row> records, Dataset<Row> nodes) {}

    private static final String H1 = "_profile_xxhash";
    private static final String H2 = "_profile_hash";
    /** Null flags per mask word (a long, sign bit unused). */
    private static final int MASK_BITS = 62;

    /**
     * linkageRecords: the output of {@link LinkageRecords} (materialised, so its rids are fixed). Materialises the
     * records and the nodes (local checkpoints); neither is wider than linkage needs.
     */
    public Collapsed apply(Dataset<Row> linkageRecords) {
        List<String> compared = LinkageRecords.comparedColumns(linkageRecords);
        Column evidence = col(StagedColumns.PNC_TOKEN)
                .isNotNull()
                .or(col(StagedColumns.FORENAME_TOKEN)
                        .isNotNull()
                        .and(col(StagedColumns.SURNAME_TOKEN).isNotNull())
                        .and(col(StagedColumns.DOB_TOKEN).isNotNull()));
        // The profile as two independent hashes (64 + 32 bits) of every compared column and of which ones are null
        // (a hash skips nulls, so the null mask keeps "a, null" apart from "null, a"); a record without enough
        // evidence adds its own rid, so it stays alone. Two different profiles share both hashes with probability
        // about n^2 / 2^97 (1e-18 for a million profiles). Grouping fixed-width hashes needs no sort, and the profile
        // table (hashes, node) is small enough to broadcast back to the records. The hashes are cheap, so they are
        // computed again for that pass rather than materialising the wide records a second time.
        List<Column> parts = new ArrayList<>();
        Column mask = lit(0L);
        for (int i = 0; i < compared.size(); i++) {
            Column c = col(compared.get(i));
            parts.add(c);
            mask = mask.plus(when(c.isNull(), lit(1L << (i % MASK_BITS))).otherwise(lit(0L)));
            if (i % MASK_BITS == MASK_BITS - 1 || i == compared.size() - 1) {
                parts.add(mask);
                mask = lit(0L);
            }
        }
        parts.add(when(evidence, lit(null)).otherwise(col(LinkageColumns.RID)));
        Column[] p = parts.toArray(Column[]::new);
        Dataset<Row> hashed = linkageRecords.withColumn(H1, xxhash64(p)).withColumn(H2, hash(p));
        Dataset<Row> profiles = hashed.groupBy(H1, H2)
                .agg(
                        min(col(LinkageColumns.RID)).as(LinkageColumns.NODE),
                        count(lit(1)).as(LinkageColumns.RECORDS))
                .localCheckpoint();
        Dataset<Row> keyed = hashed.join(broadcast(profiles), new String[] {H1, H2});
        List<Column> recordColumns = new ArrayList<>(List.of(
                col(LinkageColumns.RID),
                col(LinkageColumns.RECORD_KEY),
                col(StagedColumns.AGENCY),
                col(StagedColumns.DATASET),
                col(StagedColumns.RECORD_ID),
                col(LinkageColumns.PERSON_REFS),
                col(StagedColumns.PNC_TOKEN),
                col(LinkageColumns.NODE)));
        // The record's groups for the quality breakdowns ride along when the records carry them.
        for (String g : RecordGroups.DIMENSIONS.values()) {
            if (java.util.Arrays.asList(keyed.columns()).contains(g)) {
                recordColumns.add(col(g));
            }
        }
        Dataset<Row> records =
                keyed.select(recordColumns.toArray(Column[]::new)).localCheckpoint();
        List<Column> nodeColumns = new ArrayList<>(List.of(col(LinkageColumns.NODE), col(LinkageColumns.RECORDS)));
        compared.forEach(c -> nodeColumns.add(col(c)));
        Dataset<Row> nodes = keyed.where(col(LinkageColumns.RID).equalTo(col(LinkageColumns.NODE)))
                .select(nodeColumns.toArray(Column[]::new))
                .localCheckpoint();
        Dataset<Row> withFrequencies = LinkageRecords.withTermFrequencies(nodes, col(LinkageColumns.RECORDS))
                .localCheckpoint();
        Checkpoints.release(profiles);
        Checkpoints.release(nodes);
        return new Collapsed(records, withFrequencies);
    }
}
