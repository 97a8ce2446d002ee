package org.lcjp.reoffending.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.DatasetSpec;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.measures.FinancialYear;
import org.lcjp.reoffending.needs.IomReach;
import org.lcjp.reoffending.needs.IomReachRow;
import org.lcjp.reoffending.needs.PersonDistricts;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.PipelineSettings;

/**
 * iom_reach (methodology.md section 10): the share of each year's highest-risk adults on the IOM caseload. Needs
 * iom/cohort; the years run from the one of the earliest adoption (before it the data holds no caseload to reach with)
 * to the one of the as-of date. A route whose dataset was never delivered finds nobody.
 */
final class IomReachTable implements ServiceTable {
    static final String NAME = "iom_reach";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DatasetId source() {
        return Datasets.IOM_COHORT;
    }

    @Override
    public Dataset<Row> build(ServiceInputs in, Dataset<Row> iom) {
        SparkSession spark = in.spark();
        RunContext context = in.context();
        Object first = iom.agg(min(col("adopted_date"))).first().get(0);
        List<FinancialYear> years = new ArrayList<>();
        if (first != null) {
            LocalDate from = first instanceof LocalDate d ? d : ((java.sql.Date) first).toLocalDate();
            for (FinancialYear y = FinancialYear.of(from); !y.start().isAfter(context.asOf()); y = y.next()) {
                years.add(y);
            }
        }
        PipelineSettings settings = context.settings();
        Dataset<Row> recordPerson = in.recordPerson();
        Dataset<Row> attributes = in.measures(MeasuresJob.PERSON_ATTRIBUTES);
        IomReach reach = new IomReach(
                settings.iom(),
                settings.cohort().adultAge(),
                new DateOfBirthCipher(context.key()),
                settings.comparison().confidence());
        Dataset<Row> people = reach.people(
                IomReach.years(spark, years),
                in.staged(Datasets.PROBATION_ASSESSMENTS)
                        .map(t -> AssessedNeeds.linked(t, recordPerson))
                        .orElseGet(() -> empty(spark, IomReach.ASSESSMENT_COLUMNS)),
                in.staged(Datasets.PROBATION_SUPERVISION)
                        .map(t -> IomReach.supervision(t, recordPerson))
                        .orElseGet(() -> empty(spark, IomReach.SUPERVISION_COLUMNS)),
                in.measures(MeasuresJob.PROVEN_OFFENCES),
                attributes,
                IomReach.caseload(iom, recordPerson));
        List<Dataset<Row>> staged = new ArrayList<>();
        for (DatasetSpec spec : Datasets.all()) {
            in.staged(spec.id()).ifPresent(staged::add);
        }
        Dataset<Row> located = PersonDistricts.withLocalAuthority(
                people, IomReach.PERIOD_END, PersonDistricts.records(staged, recordPerson), attributes, in.areas());
        List<IomReachRow> rows = reach.rows(reach.cells(located), in.coverage(IomReach.SOURCES));
        return in.frame(rows, IomReachRow::toRow, IomReachRow.SCHEMA);
    }

    private static Dataset<Row> empty(SparkSession spark, StructType schema) {
        return spark.createDataFrame(List.of(), schema);
    }
}
