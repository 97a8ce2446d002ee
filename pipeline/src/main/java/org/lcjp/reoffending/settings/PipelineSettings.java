package org.lcjp.reoffending.settings;

/**
 * Every setting of a run, loaded once from conf/pipeline.yaml. Precedence: a CLI option, then conf/, then the
 * default documented on each record's component. Unknown keys are errors (exit 2).
 */
public record PipelineSettings(
        IngestSettings ingest,
        PseudonymiseSettings pseudonymise,
        LinkageSettings linkage,
        CohortSettings cohort,
        MeasuresSettings measures,
        ComparisonSettings comparison,
        DisclosureSettings disclosure,
        ReportSettings report,
        SparkSettings spark,
        RunSettings run,
        NeedsSettings needs,
        IomSettings iom) {

    public PipelineSettings {
        ingest = Defaults.or(ingest, IngestSettings.defaults());
        pseudonymise = Defaults.or(pseudonymise, PseudonymiseSettings.defaults());
        linkage = Defaults.or(linkage, LinkageSettings.defaults());
        cohort = Defaults.or(cohort, CohortSettings.defaults());
        measures = Defaults.or(measures, MeasuresSettings.defaults());
        comparison = Defaults.or(comparison, ComparisonSettings.defaults());
        disclosure = Defaults.or(disclosure, DisclosureSettings.defaults());
        report = Defaults.or(report, ReportSettings.defaults());
        spark = Defaults.or(spark, SparkSettings.defaults());
        run = Defaults.or(run, RunSettings.defaults());
        needs = Defaults.or(needs, NeedsSettings.defaults());
        iom = Defaults.or(iom, IomSettings.defaults());
    }

    /**
     * Every problem of every section as "key.path: what is wrong (value)" (none: usable). The loader lists them all
     * at once; the records themselves never refuse a value, so Jackson can read a whole file with mistakes in it.
     */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.addAll("ingest", ingest.problems());
        p.addAll("pseudonymise", pseudonymise.problems());
        p.addAll("linkage", linkage.problems());
        p.addAll("cohort", cohort.problems());
        p.addAll("measures", measures.problems());
        p.addAll("comparison", comparison.problems());
        p.addAll("disclosure", disclosure.problems());
        p.addAll("report", report.problems());
        p.addAll("spark", spark.problems());
        p.addAll("run", run.problems());
        p.addAll("needs", needs.problems());
        p.addAll("iom", iom.problems());
        return p.list();
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
