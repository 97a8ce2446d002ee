package org.lcjp.reoffending.measures;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lcjp.reoffending.pseudonymise.DateOfBirthCipher;
import org.lcjp.reoffending.settings.CohortSettings;

/** Chains the measure stages (no actions): inputs to every measure table. */
public final class MeasurePipeline {
    private final CohortSettings settings;
    private final DateOfBirthCipher cipher;

    public MeasurePipeline(CohortSettings settings, DateOfBirthCipher cipher) {
        this.settings = settings;
        this.cipher = cipher;
    }

    public MeasureTables run(MeasureInputs in, LocalDate asOf) {
        Dataset<Row> proven = new ProvenOffences(settings).build(in.courts(), in.police(), in.yos(), in.recordPerson(), in.offences());
        Dataset<Row> attributes = new PersonAttributes().build(in.allStaged(), in.recordPerson());
        return from(proven, attributes, in, asOf);
    }

    /** From already materialised proven offences and person attributes (the job breaks lineage there). */
    public MeasureTables from(Dataset<Row> proven, Dataset<Row> attributes, MeasureInputs in, LocalDate asOf) {
        Dataset<Row> index = new IndexEvents(settings, cipher).build(proven, in.prisons(), in.recordPerson(), attributes, in.areas());
        Dataset<Row> followed = new FollowUpWindow(settings).withReoffences(index, proven);
        return new MeasureTables(proven, attributes, followed,
                new ProvenReoffending(settings).build(followed, asOf),
                new TimeToReoffence(settings).build(followed, asOf));
    }
}
