package org.lcjp.reoffending.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lcjp.reoffending.domain.DatasetId;
import org.lcjp.reoffending.domain.Datasets;
import org.lcjp.reoffending.impact.AssessedNeeds;
import org.lcjp.reoffending.impact.BalanceTable;
import org.lcjp.reoffending.impact.CompareIom;
import org.lcjp.reoffending.impact.CompareSexes;
import org.lcjp.reoffending.impact.ComparisonBalanceRow;
import org.lcjp.reoffending.impact.ComparisonPeriods;
import org.lcjp.reoffending.impact.ComparisonRow;
import org.lcjp.reoffending.impact.DiversionSample;
import org.lcjp.reoffending.impact.IomPrePostRow;
import org.lcjp.reoffending.impact.IomSample;
import org.lcjp.reoffending.impact.NeedsProfile;
import org.lcjp.reoffending.impact.TreatmentComparison;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.results.CompareResult;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.measures.MeasurePipeline;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.rj.RjSample;
import org.lcjp.reoffending.settings.CohortSettings;
import org.lcjp.reoffending.settings.ComparisonSettings;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * The "compare" stage (methodology.md section 5): diverted against prosecuted (observed and matched), women against
 * men with their needs, IOM pre/post against a matched comparison group, and reoffending after a completed restorative
 * process (methodology.md section 8, by the Checkpoint machinery), each per financial year and POOLED,
 * counting only people whose follow-up is complete by the effective date (and, with comparison.from_first_cohort,
 * indexed on or after the first cohort). Reads the measure tables under
 * warehouse/measures/ (written by {@link MeasuresJob}) and the staged tables; writes cohort_comparison,
 * comparison_balance and iom_pre_post to the publish folder. A dataset never delivered gives no rows, not a failure.
 */
public final class ComparisonsJob implements Stage {
    public static final String NAME = CompareResult.STAGE;
    public static final String COHORT_COMPARISON = "cohort_comparison";
    public static final String COMPARISON_BALANCE = "comparison_balance";
    public static final String IOM_PRE_POST = "iom_pre_post";

    /** What a needs dataset never delivered reads as: no spells (nobody is known to have that need). */
    private static final StructType NEEDS_SPELLS = new StructType()
            .add("record_id", DataTypes.StringType)
            .add(NeedsProfile.START_DATE, DataTypes.DateType)
            .add(NeedsProfile.END_DATE, DataTypes.DateType);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompareResult run(SparkSession spark, RunContext context) {
        long started = System.nanoTime();
        ComparisonSettings settings = context.settings().comparison();
        CohortSettings cohort = context.settings().cohort();
        StoragePath measures = context.warehouse().measures();
        Dataset<Row> proven = spark.read()
                .parquet(measures.resolve(MeasuresJob.PROVEN_OFFENCES).toString());
        Dataset<Row> attributes = spark.read()
                .parquet(measures.resolve(MeasuresJob.PERSON_ATTRIBUTES).toString());
        Dataset<Row> recordPerson =
                spark.read().parquet(context.warehouse().recordPerson().toString());
        Dataset<Row> offences = ReferenceTables.read(spark, context, ReferenceTables.OFFENCES);

        ComparisonPeriods periods = new ComparisonPeriods(
                cohort,
                MeasuresJob.coverage(spark, context).effectiveDate().orElse(null),
                settings.financialYearStartMonth(),
                settings.fromFirstCohort()
                        ? MeasurePipeline.firstCohort(cohort, context.settings().measures(), proven)
                        : null);
        DateOfBirthCipher cipher = new DateOfBirthCipher(context.key());

        List<ComparisonRow> rows = new ArrayList<>();
        List<ComparisonBalanceRow> balance = new ArrayList<>();
        CompareResult.Matched diverted = null;
        long imbalanced = 0;
        CompareResult.Matched rjMatched = null;
        long rjWithoutDisposal = 0;
        CompareResult.Matched iomMatched = null;

        Dataset<Row> referrals = staged(spark, context, Datasets.CHECKPOINT_REFERRALS);
        if (referrals != null) {
            Dataset<Row> sample = new DiversionSample(cohort, cipher)
                    .build(referrals, recordPerson, attributes, offences, proven, periods);
            TreatmentComparison.Result diversion = describe(
                    spark,
                    "diverted vs prosecuted",
                    () -> new TreatmentComparison(settings, DiversionSample.ARMS, DiversionSample.DESIGN).run(sample));
            rows.addAll(diversion.rows());
            balance.addAll(ComparisonBalanceRow.of(ComparisonRow.DIVERSION, diversion.balance()));
            diverted = new CompareResult.Matched(diversion.matchedTreated(), diversion.treated());
            imbalanced = diversion.balance().stream()
                    .filter(BalanceTable.Balance::imbalancedAfter)
                    .count();
        }

        Dataset<Row> rjReferrals = staged(spark, context, Datasets.RJ_REFERRALS);
        if (rjReferrals != null) {
            RjSample.Built built =
                    new RjSample(cohort, cipher).build(rjReferrals, recordPerson, attributes, proven, periods);
            Dataset<Row> sample = built.sample().persist();
            try {
                TreatmentComparison.Result rj = describe(
                        spark,
                        "RJ completed vs not referred",
                        () -> new TreatmentComparison(settings, RjSample.ARMS, RjSample.DESIGN).run(sample));
                rows.addAll(rj.rows());
                balance.addAll(ComparisonBalanceRow.of(ComparisonRow.RJ, rj.balance()));
                rows.addAll(describe(
                        spark,
                        "RJ completed vs ended otherwise",
                        () -> new TreatmentComparison(settings, RjSample.REFERRED_ARMS, RjSample.DESIGN)
                                .observed(sample, RjSample.REFERRED)));
                rjMatched = new CompareResult.Matched(rj.matchedTreated(), rj.treated());
                rjWithoutDisposal = built.referralsWithoutIndex();
            } finally {
                sample.unpersist();
            }
        }

        Dataset<Row> events = new FollowUpWindow(cohort)
                .withReoffencesIfMissing(
                        spark.read()
                                .parquet(measures.resolve(MeasuresJob.INDEX_EVENTS)
                                        .toString()),
                        proven);
        Dataset<Row> serviceNeeds = new NeedsProfile(settings.needsLookBackMonths())
                .build(
                        CompareSexes.sample(events, periods),
                        stagedOrEmpty(spark, context, Datasets.SUBSTANCE_TREATMENT),
                        stagedOrEmpty(spark, context, Datasets.HOUSING_SUPPORT),
                        stagedOrEmpty(spark, context, Datasets.PROBATION_SUPERVISION),
                        recordPerson);
        Dataset<Row> assessments = staged(spark, context, Datasets.PROBATION_ASSESSMENTS);
        Dataset<Row> withNeeds = assessments == null
                ? serviceNeeds
                : NeedsProfile.withAssessedNeeds(
                        serviceNeeds,
                        AssessedNeeds.linked(assessments, recordPerson),
                        context.settings().needs().assessmentLookBackMonths());
        rows.addAll(describe(spark, "women vs men", () -> new CompareSexes(settings).run(withNeeds)));

        List<IomPrePostRow> iom = new ArrayList<>();
        Dataset<Row> adoptions = staged(spark, context, Datasets.IOM_COHORT);
        if (adoptions != null) {
            Dataset<Row> sample =
                    new IomSample(cohort, settings, cipher).build(adoptions, recordPerson, proven, attributes, periods);
            CompareIom.Result result = describe(spark, "IOM pre/post", () -> new CompareIom(settings).run(sample));
            iom.addAll(result.rows());
            iomMatched = new CompareResult.Matched(result.matched(), result.adopted());
        }

        write(spark, rows, ComparisonRow::toRow, ComparisonRow.SCHEMA, context.published(COHORT_COMPARISON));
        write(
                spark,
                balance,
                ComparisonBalanceRow::toRow,
                ComparisonBalanceRow.SCHEMA,
                context.published(COMPARISON_BALANCE));
        write(spark, iom, IomPrePostRow::toRow, IomPrePostRow.SCHEMA, context.published(IOM_PRE_POST));
        return new CompareResult(
                rows.size(),
                (System.nanoTime() - started) / 1e9,
                periods.firstCohort(),
                periods.effectiveDate(),
                diverted,
                imbalanced,
                rjMatched,
                rjWithoutDisposal,
                iomMatched,
                balance.size(),
                iom.size(),
                null);
    }

    private static <T> T describe(SparkSession spark, String what, java.util.function.Supplier<T> body) {
        return JobDescriptions.describe(spark, NAME, what, body);
    }

    /** The staged table, or null when the dataset was never delivered. */
    private static Dataset<Row> staged(SparkSession spark, RunContext context, DatasetId id) {
        return StagedInputs.staged(spark, context.warehouse(), id);
    }

    /** A needs dataset never delivered means nobody is known to have that need. */
    private static Dataset<Row> stagedOrEmpty(SparkSession spark, RunContext context, DatasetId id) {
        return StagedInputs.stagedOrEmpty(spark, context.warehouse(), id, NEEDS_SPELLS);
    }

    private static <T> void write(
            SparkSession spark, List<T> rows, Function<T, Row> toRow, StructType schema, StoragePath to) {
        spark.createDataFrame(rows.stream().map(toRow).toList(), schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(to.toString());
    }
}
