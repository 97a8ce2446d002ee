package org.lcjp.reoffending.synthetic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The offence and area reference tables, with the weights the simulation draws offences by. */
final class ReferenceData {
    /** One offence of conf/reference/offences.csv. */
    record Offence(String code, String group, boolean breach, int harmDays) {
        boolean serious() {
            return harmDays >= 365;
        }
    }

    /** One postcode district of conf/reference/areas.csv. */
    record District(String district, String localAuthority, String force) {}

    private final List<Offence> offences;
    private final double[] cumulativeWeights;
    private final List<Offence> breaches;
    private final List<District> districts;

    private ReferenceData(List<Offence> offences, List<District> districts) {
        this.offences = offences.stream().filter(o -> !o.breach()).toList();
        this.breaches = offences.stream().filter(Offence::breach).toList();
        this.districts = List.copyOf(districts);
        if (this.offences.isEmpty() || this.breaches.isEmpty() || this.districts.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot generate: reference needs offences, breach offences and districts");
        }
        cumulativeWeights = new double[this.offences.size()];
        double sum = 0;
        for (int i = 0; i < this.offences.size(); i++) {
            sum += weight(this.offences.get(i));
            cumulativeWeights[i] = sum;
        }
    }

    static ReferenceData load(Path offencesCsv, Path areasCsv) throws IOException {
        List<Offence> offences = new ArrayList<>();
        for (CSVRecord r : read(offencesCsv)) {
            offences.add(new Offence(
                    r.get("offence_code").strip(),
                    r.get("offence_group").strip(),
                    "Y".equalsIgnoreCase(r.get("is_breach").strip()),
                    Integer.parseInt(r.get("harm_days").strip())));
        }
        List<District> districts = new ArrayList<>();
        for (CSVRecord r : read(areasCsv)) {
            districts.add(new District(
                    r.get("postcode_district").strip(),
                    r.get("local_authority").strip(),
                    r.get("force").strip()));
        }
        return new ReferenceData(offences, districts);
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    /** Volume crime dominates: frequency falls with harm, and groups follow the national mix roughly. */
    private static double weight(Offence o) {
        double groupShare = switch (o.group()) {
            case "Theft offences" -> 3.0;
            case "Violence against the person" -> 2.2;
            case "Summary non-motoring" -> 1.5;
            case "Drug offences" -> 1.2;
            case "Criminal damage and arson" -> 1.0;
            case "Public order offences" -> 1.0;
            case "Summary motoring" -> 1.0;
            case "Fraud offences" -> 0.4;
            case "Possession of weapons" -> 0.4;
            case "Miscellaneous crimes against society" -> 0.3;
            case "Robbery" -> 0.3;
            case "Sexual offences" -> 0.2;
            default -> 0.3;
        };
        return groupShare / Math.sqrt(1 + o.harmDays() / 30.0);
    }

    Offence drawOffence(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (u < cumulativeWeights[i]) {
                return offences.get(i);
            }
        }
        return offences.get(offences.size() - 1);
    }

    Offence drawBreach(SplittableRandom rng) {
        return breaches.get(rng.nextInt(breaches.size()));
    }

    District drawDistrict(SplittableRandom rng) {
        return districts.get(rng.nextInt(districts.size()));
    }

    /** The local authorities of the area, in areas.csv order. */
    List<String> localAuthorities() {
        return districts.stream().map(District::localAuthority).distinct().toList();
    }

    /** The local authority of a clean postcode (its outward code), or OUT_OF_AREA. */
    String localAuthorityOf(String postcode) {
        String outward = postcode.substring(0, postcode.indexOf(' '));
        return districts.stream()
                .filter(d -> d.district().equals(outward))
                .map(District::localAuthority)
                .findFirst()
                .orElse(OUT_OF_AREA);
    }

    static final String OUT_OF_AREA = "OUT_OF_AREA";
}
