package org.lcjp.reoffending.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an input root of the agency datasets (extracts.md) from a simulated population, and the truth
 * behind it. People are simulated one at a time from a random stream seeded by (seed, person index), and their
 * rows go straight to the open delivery files, so memory does not grow with the population and the same settings
 * always give byte-identical files.
 *
 * <p>Truth folder: {@code record_person.csv} (agency, dataset, record_id, person_id for every record id written),
 * {@code people.csv} (true clean identities and flags, family members who never offend included),
 * {@code family_members.csv} (every family membership, children's exposure), {@code rj_referrals.csv} (every RJ
 * referral with its index date and reoffending with and without the process), {@code parameters.json} (the settings
 * and realised truths)
 * {@code calibration.csv} (MoJ-style figures worked out from the truth) and {@code gaps.csv} (per local authority, the
 * true share of people with an assessed need whom substance treatment or housing support does not reach).
 */
public final class SyntheticExtracts {
    private static final CSVFormat TRUTH =
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private SyntheticExtracts() {}

    public static GenerationResult generate(GeneratorSettings s, Path inputRoot, Path truthRoot) throws IOException {
        return generate(s, StrategySettings.DEFAULTS, inputRoot, truthRoot);
    }

    /** As above, with Think Family and RJ Hub settings of one's own (their truths go to parameters.json). */
    public static GenerationResult generate(
            GeneratorSettings s, StrategySettings strategy, Path inputRoot, Path truthRoot) throws IOException {
        return generate(s, strategy, inputRoot, truthRoot, new Calibration(s.fromYear(), s.toYear()));
    }

    static GenerationResult generate(GeneratorSettings s, Path inputRoot, Path truthRoot, Calibration calibration)
            throws IOException {
        return generate(s, StrategySettings.DEFAULTS, inputRoot, truthRoot, calibration);
    }

    static GenerationResult generate(
            GeneratorSettings s, StrategySettings strategy, Path inputRoot, Path truthRoot, Calibration calibration)
            throws IOException {
        ReferenceData reference = ReferenceData.load(s.offencesPath(), s.areasPath());
        Files.createDirectories(inputRoot);
        Files.createDirectories(truthRoot);
        int firstQuarter = (s.fromYear() - 1) * 4 + 3;
        int lastQuarter = s.toYear() * 4 + 3;
        PersonFactory factory = new PersonFactory(s, reference);
        Deliveries deliveries;
        long rows;
        Map<String, Long> perDataset;
        Map<String, Object> truths = new LinkedHashMap<>();
        try (DeliveryFiles files = new DeliveryFiles(inputRoot, s.seed(), firstQuarter, lastQuarter, (int)
                        LocalDate.of(s.fromYear() - s.historyYears(), 1, 1).toEpochDay());
                CSVPrinter recordTruth =
                        printer(truthRoot.resolve("record_person.csv"), "agency", "dataset", "record_id", "person_id");
                CSVPrinter people = printer(
                        truthRoot.resolve("people.csv"),
                        "person_id",
                        "forename",
                        "surname",
                        "date_of_birth",
                        "sex",
                        "ethnicity",
                        "postcode",
                        "pnc_id",
                        "female",
                        "iom",
                        "checkpoint_diverted");
                CSVPrinter familyTruth = printer(truthRoot.resolve("family_members.csv"), Families.truthHeader());
                CSVPrinter rjTruth = printer(truthRoot.resolve("rj_referrals.csv"), RjHub.truthHeader())) {
            deliveries = new Deliveries(files, recordTruth, s.seed(), s.identityNoise(), s.invalidRowRate());
            CareerSimulator career = new CareerSimulator(s, reference, deliveries);
            RjHub rj = new RjHub(s, strategy, deliveries, rjTruth);
            career.rj(rj);
            Families families =
                    new Families(s, strategy, reference, deliveries, people, familyTruth, calibration::accept);
            for (long i = 0; i < s.people(); i++) {
                SplittableRandom rng = new SplittableRandom(Mix.hash(s.seed(), i, 0x5045524FL));
                Person p = factory.draw(i, rng);
                deliveries.startPerson(p, rng);
                PersonHistory history = career.simulate(p, rng);
                calibration.accept(history);
                people.printRecord(
                        p.personId,
                        p.forename,
                        p.surname,
                        p.dateOfBirth,
                        p.female ? "F" : "M",
                        p.ethnicity,
                        p.postcode,
                        p.pncLong() == null ? "" : p.pncLong(),
                        p.female,
                        p.iom,
                        p.checkpointDiverted == null ? "" : p.checkpointDiverted);
                families.afterPerson(p, history);
            }
            truths.putAll(families.truths());
            truths.putAll(rj.truths());
            rows = deliveries.rows();
            perDataset = new LinkedHashMap<>(files.rowsPerDataset());
        }
        Files.writeString(
                truthRoot.resolve("parameters.json"), parameters(s, calibration, truths), StandardCharsets.UTF_8);
        Files.writeString(truthRoot.resolve("calibration.csv"), calibration.report(), StandardCharsets.UTF_8);
        NeedsModel.DEFAULT.writeTruth(truthRoot.resolve("gaps.csv"), reference.localAuthorities());
        return new GenerationResult(s.people(), rows, perDataset);
    }

    private static CSVPrinter printer(Path path, String... header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        return new CSVPrinter(w, TRUTH.builder().setHeader(header).get());
    }

    private static String parameters(GeneratorSettings s, Calibration c, Map<String, Object> truths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("people", s.people());
        m.put("from_year", s.fromYear());
        m.put("to_year", s.toYear());
        m.put("seed", s.seed());
        m.put("checkpoint_true_effect", s.checkpointTrueEffect());
        m.put("offences_path", s.offencesPath().toString());
        m.put("areas_path", s.areasPath().toString());
        m.put("history_years", s.historyYears());
        m.put("female_share", s.femaleShare());
        m.put("out_of_area_share", s.outOfAreaShare());
        m.put("identity_noise", s.identityNoise());
        m.put("invalid_row_rate", s.invalidRowRate());
        m.put("substance_share", s.substanceShare());
        m.put("housing_share", s.housingShare());
        m.put("checkpoint_referral_share", s.checkpointReferralShare());
        m.put("checkpoint_true_effect_on_diverted", c.checkpointEffectOnDiverted());
        m.put("iom_true_effect", 0.0);
        m.put(
                "first_extract_date",
                DeliveryFiles.extractDate((s.fromYear() - 1) * 4 + 3).toString());
        m.put("last_extract_date", DeliveryFiles.extractDate(s.toYear() * 4 + 3).toString());
        m.put(
                "history_start",
                LocalDate.of(s.fromYear() - s.historyYears(), 1, 1).toString());
        m.putAll(truths);
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            String json = v instanceof String str
                    ? "\"" + str.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : v instanceof Double d
                            ? (d.isNaN() ? "null" : String.format(Locale.ROOT, "%s", d))
                            : String.valueOf(v);
            b.append("  \"").append(e.getKey()).append("\": ").append(json).append(++i < m.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }
}
