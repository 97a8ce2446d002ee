package org.lcjp.reoffending.synthetic;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Renders a person's identity as one agency clerk would have keyed it on one day. */
final class IdentityNoise {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final double noise;

    IdentityNoise(double noise) {
        this.noise = noise;
    }

    private boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p * noise;
    }

    /**
     * Puts the identity columns into {@code row}.
     *
     * @param pncShare share of this agency's records that carry the PNC ID (0 for no PNC column)
     */
    void render(
            Person p,
            int day,
            SplittableRandom rng,
            Map<String, String> row,
            double pncShare,
            boolean ethnicity,
            boolean postcode,
            boolean courts) {
        String forename = p.forename;
        if (p.nickname != null && chance(rng, 0.12)) {
            forename = p.nickname;
        }
        String surname = p.surnameOn(day);
        if (p.marriedSurname != null && day >= p.marriageDay && chance(rng, 0.08)) {
            surname = p.surname;
        }
        forename = spell(forename, rng);
        surname = spell(surname, rng);
        if (chance(rng, 0.01)) {
            String t = forename;
            forename = surname;
            surname = t;
        }
        row.put("forename", forename);
        row.put("surname", surname);
        row.put("date_of_birth", formatDate(dateOfBirth(p.dateOfBirth, rng, day), courts));
        String sex = chance(rng, 0.005) ? "U" : p.female ? "F" : "M";
        row.put(
                "sex",
                courts
                        ? switch (sex) {
                            case "M" -> "Male";
                            case "F" -> "Female";
                            default -> "Unknown";
                        }
                        : sex);
        if (ethnicity) {
            row.put(
                    "ethnicity",
                    chance(rng, 0.10)
                            ? ""
                            : chance(rng, 0.05)
                                    ? "UNKNOWN"
                                    : chance(rng, 0.1) ? p.ethnicity.toLowerCase(Locale.ROOT) : p.ethnicity);
        }
        if (postcode) {
            row.put("postcode", chance(rng, 0.05) ? "" : postcode(p.postcodeOn(day), rng));
        }
        if (pncShare > 0) {
            row.put("pnc_id", pnc(p, rng, pncShare));
        }
    }

    static String formatDate(LocalDate d, boolean courts) {
        if (d == null) {
            return "";
        }
        return courts
                ? String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                : d.toString();
    }

    private String spell(String name, SplittableRandom rng) {
        String s = name;
        if (!isAscii(s) && chance(rng, 0.4)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (s.contains("'") && chance(rng, 0.25)) {
            s = s.replace("'", chance(rng, 0.3) ? " " : "");
        }
        if (s.contains("-") && chance(rng, 0.25)) {
            s = s.replace("-", chance(rng, 0.5) ? " " : "");
        }
        if (chance(rng, 0.03)) {
            s = typo(s, rng);
        }
        if (chance(rng, 0.015)) {
            int at = 1 + rng.nextInt(Math.max(1, s.length() - 1));
            s = s.substring(0, at) + "  " + s.substring(at);
        }
        double caseDraw = rng.nextDouble();
        if (caseDraw < 0.15 * noise) {
            s = s.toUpperCase(Locale.ROOT);
        } else if (caseDraw < 0.19 * noise) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return chance(rng, 0.01) ? " " + s + " " : s;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    /** One-character edit: substitution, deletion, insertion or transposition. */
    static String typo(String s, SplittableRandom rng) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + rng.nextInt(s.length() - 1);
        char c = LETTERS.charAt(rng.nextInt(LETTERS.length()));
        return switch (rng.nextInt(4)) {
            case 0 -> s.substring(0, i) + c + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c + s.substring(i);
            default ->
                i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2) : s + c;
        };
    }

    /** A clerk's slip in a date of birth, never one after the day the record was made (a young child's +10 years). */
    private LocalDate dateOfBirth(LocalDate dob, SplittableRandom rng, int recordDay) {
        LocalDate typed = typedDateOfBirth(dob, rng);
        return typed.toEpochDay() > recordDay ? dob : typed;
    }

    private LocalDate typedDateOfBirth(LocalDate dob, SplittableRandom rng) {
        if (chance(rng, 0.012) && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
            return LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
        }
        if (chance(rng, 0.01)) {
            return switch (rng.nextInt(3)) {
                case 0 -> dob.plusDays(rng.nextBoolean() ? 1 : -1);
                case 1 -> dob.plusYears(rng.nextBoolean() ? 1 : -1);
                default -> dob.plusYears(10);
            };
        }
        return dob;
    }

    private String postcode(String clean, SplittableRandom rng) {
        double d = rng.nextDouble();
        if (d < 0.15 * noise) {
            return clean.replace(" ", "");
        } else if (d < 0.25 * noise) {
            return clean.toLowerCase(Locale.ROOT);
        } else if (d < 0.28 * noise) {
            return clean.replace(" ", "  ");
        }
        return clean;
    }

    private String pnc(Person p, SplittableRandom rng, double share) {
        if (p.pncYear < 0 || rng.nextDouble() >= share) {
            return "";
        }
        String id = chance(rng, 0.15) ? Pnc.shortForm(p.pncYear, p.pncSerial) : Pnc.longForm(p.pncYear, p.pncSerial);
        if (chance(rng, 0.004)) {
            id = Pnc.withWrongCheckLetter(id, rng.nextInt(22));
        }
        return chance(rng, 0.02) ? id.toLowerCase(Locale.ROOT) : id;
    }
}
