package org.lcjp.reoffending.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.linkage.core.LinkageColumns;
import org.lcjp.reoffending.linkage.core.LinkageRecords;
import org.lcjp.reoffending.settings.LinkageSettings;
import org.lcjp.reoffending.testing.SparkTestSession;

/** A shared reference (crn: probation supervision and assessments) is one reference across its datasets; others are not. */
class SharedReferencesTest {
    private static Dataset<Row> staged(DatasetId id, String ref, String recordId, String token) {
        StructType schema = new StructType()
                .add("agency", DataTypes.StringType)
                .add("dataset", DataTypes.StringType)
                .add("record_id", DataTypes.StringType)
                .add(ref + "_token", DataTypes.StringType);
        return SparkTestSession.get()
                .createDataFrame(List.of(RowFactory.create(id.agency(), id.dataset(), recordId, token)), schema);
    }

    @Test
    void theCaseReferenceOfProbationIsSharedBySupervisionAndAssessments() {
        Map<DatasetId, Dataset<Row>> staged = new LinkedHashMap<>();
        staged.put(Datasets.PROBATION_SUPERVISION, staged(Datasets.PROBATION_SUPERVISION, "crn", "S1", "tok-crn"));
        staged.put(Datasets.PROBATION_ASSESSMENTS, staged(Datasets.PROBATION_ASSESSMENTS, "crn", "A1", "tok-crn"));
        staged.put(
                Datasets.SUBSTANCE_TREATMENT, staged(Datasets.SUBSTANCE_TREATMENT, "client_ref", "T1", "tok-client"));
        staged.put(Datasets.HOUSING_SUPPORT, staged(Datasets.HOUSING_SUPPORT, "client_ref", "H1", "tok-client"));
        Map<String, List<Long>> refs = new LinkageRecords(LinkageSettings.defaults(), 8)
                .apply(staged).collectAsList().stream()
                        .collect(Collectors.toMap(
                                r -> r.getAs("record_id"), r -> r.getList(r.fieldIndex(LinkageColumns.PERSON_REFS))));
        assertThat(refs.get("S1")).hasSize(1).isEqualTo(refs.get("A1"));
        assertThat(refs.get("T1"))
                .as("client_ref is each local authority's own")
                .hasSize(1)
                .isNotEqualTo(refs.get("H1"));
    }
}
