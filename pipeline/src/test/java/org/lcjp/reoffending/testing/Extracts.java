package org.lcjp.reoffending.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny extract files under an input root, in the contract's layout. */
public final class Extracts {
    public static final String POLICE_HEADER =
            "record_id,custody_ref,pnc_id,forename,surname,date_of_birth,sex,ethnicity,postcode,offence_code,offence_date,outcome_date,outcome_type,force";
    public static final String COURTS_HEADER =
            "record_id,case_ref,defendant_ref,pnc_id,forename,surname,date_of_birth,sex,postcode,offence_code,offence_date,conviction_date,sentence_date,disposal,custody_months,court_type";

    private Extracts() {}

    /** A police/outcomes row whose every value is valid (PNC 2001/0012345H passes the check). */
    public static String police(String recordId, String forename, String surname) {
        return recordId + ",C" + recordId + ",2001/0012345H," + forename + "," + surname
                + ",1990-04-12,M,WHITE,DH1 3LE,008/01,2024-01-02,2024-01-05,CHARGED,DURHAM";
    }

    public static Path write(Path root, String agency, String dataset, String fileName, String... lines) {
        return writeRaw(root, agency, dataset, fileName, String.join("\n", lines) + "\n");
    }

    public static Path writeRaw(Path root, String agency, String dataset, String fileName, String content) {
        try {
            Path dir = Files.createDirectories(root.resolve(agency).resolve(dataset));
            Path f = dir.resolve(fileName);
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
