package org.lcjp.reoffending.family;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.LinkedRecords;
import org.lcjp.reoffending.measures.MeasureColumns;

/**
 * Families from family/links (methodology.md section 9): the linked people who share a family_ref (its keyed token:
 * the clear reference never leaves ingest), one row per family and person. A person is a parent in a family when
 * any of their rows for it says PARENT_OR_CARER, a child when any says CHILD; a person may be in several families.
 * Membership dates do not enter the measures: section 9 defines families and exposure without them.
 */
public final class FamilyMembers {
    public static final String FAMILY = "family";
    public static final String IS_PARENT = "is_parent";
    public static final String IS_CHILD = "is_child";
    static final String FAMILY_REF_TOKEN = "family_ref_token";
    static final String ROLE = "role";
    static final String PARENT_OR_CARER = "PARENT_OR_CARER";
    static final String CHILD = "CHILD";

    private FamilyMembers() {}

    /**
     * @param links        staged family/links
     * @param recordPerson linkage record_person
     * @return family, person_id, is_parent, is_child
     */
    public static Dataset<Row> of(Dataset<Row> links, Dataset<Row> recordPerson) {
        return LinkedRecords.of(links, Datasets.FAMILY_LINKS, recordPerson)
                .groupBy(col(FAMILY_REF_TOKEN).as(FAMILY), col(MeasureColumns.PERSON_ID))
                .agg(
                        max(col(ROLE).equalTo(PARENT_OR_CARER)).as(IS_PARENT),
                        max(col(ROLE).equalTo(CHILD)).as(IS_CHILD));
    }
}
