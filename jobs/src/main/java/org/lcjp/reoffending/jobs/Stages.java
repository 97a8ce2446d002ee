package org.lcjp.reoffending.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The stages of the nightly run, in run order; each is also a CLI subcommand. */
public final class Stages {
    private static final Map<String, Supplier<Stage>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("ingest", IngestJob::new);
        ALL.put("link", LinkageJob::new);
        ALL.put("measure", MeasuresJob::new);
        ALL.put("sensitivity", LinkageSensitivityJob::new);
        ALL.put("compare", ComparisonsJob::new);
        ALL.put("services", ServicesJob::new);
        ALL.put("research", ResearchReleaseJob::new);
        ALL.put("report", PanelPackJob::new);
    }

    private Stages() {}

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Stage create(String name) {
        Supplier<Stage> s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException("Cannot find stage: unknown name (" + name + "); known: " + names());
        }
        return s.get();
    }

    public static String describe(String name) {
        return switch (name) {
            case "ingest" -> "Validate, quarantine and pseudonymise new agency extracts into warehouse/staged.";
            case "link" -> "Link records of the same person across all agencies into warehouse/linkage/record_person.";
            case "measure" -> "Measure proven reoffending: proven_reoffending and time_to_reoffence.";
            case "sensitivity" ->
                "Persons and headline FINAL reoffending rates at each match threshold: linkage_sensitivity.";
            case "compare" -> "Compare cohorts: diverted vs prosecuted, women vs men, IOM before and after.";
            case "services" ->
                "Services: RJ Hub activity, Think Family, needs and gaps, IOM reach, Checkpoint activity.";
            case "research" -> "Write the person-level research release under a release-specific key.";
            case "report" -> "Write the Excel panel pack with disclosure control.";
            default -> name;
        };
    }
}
