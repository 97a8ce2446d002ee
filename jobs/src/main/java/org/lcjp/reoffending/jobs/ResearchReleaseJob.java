package org.lcjp.reoffending.jobs;

import java.io.IOException;
import java.io.InputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lcjp.reoffending.io.StoragePath;
import org.lcjp.reoffending.jobs.results.ResearchResult;
import org.lcjp.reoffending.measures.FollowUpWindow;
import org.lcjp.reoffending.research.ResearchRelease;
import org.lcjp.reoffending.spark.JobDescriptions;

/**
 * Writes published/&lt;as_of&gt;/research/: the person-level events table (research/events/, Parquet) and its data
 * dictionary (research/README.md), from the measure tables the measure stage left in the warehouse.
 */
public final class ResearchReleaseJob implements Stage {
    static final String EVENTS = "events";

    @Override
    public String name() {
        return ResearchResult.STAGE;
    }

    @Override
    public ResearchResult run(SparkSession spark, RunContext context) {
        long t0 = System.nanoTime();
        StoragePath measures = context.warehouse().measures();
        Dataset<Row> proven =
                spark.read().parquet(measures.resolve("proven_offences").toString());
        Dataset<Row> index =
                spark.read().parquet(measures.resolve("index_events").toString());
        Dataset<Row> attributes =
                spark.read().parquet(measures.resolve("person_attributes").toString());
        FollowUpWindow window = new FollowUpWindow(context.settings().cohort());
        index = window.withReoffencesIfMissing(index, proven);
        Dataset<Row> areas = ReferenceTables.read(spark, context, ReferenceTables.AREAS);
        Dataset<Row> release = new ResearchRelease(context.key(), context.asOf().toString(), window)
                .build(proven, index, attributes, areas);
        StoragePath out = context.published("research");
        JobDescriptions.describe(spark, name(), "write research events", () -> {
            release.write().mode(SaveMode.Overwrite).parquet(out.resolve(EVENTS).toString());
            return null;
        });
        try (InputStream dictionary = ResearchReleaseJob.class.getResourceAsStream("/research-README.md")) {
            context.storage().write(out.resolve("README.md"), dictionary.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the research data dictionary to " + out, e);
        }
        long rows = spark.read().parquet(out.resolve(EVENTS).toString()).count();
        return new ResearchResult(proven.count() + index.count(), rows, (System.nanoTime() - t0) / 1e9, null);
    }
}
