package org.lcjp.reoffending.domain;

import java.util.List;

/** A rule across two columns of one row, as extracts.md states them. */
public sealed interface CrossFieldRule {

    /** The column the rule reports against when it fails. */
    String column();

    /** {@code later} must not be before {@code earlier} (both dates; skipped when either is null). */
    record NotBefore(String later, String earlier) implements CrossFieldRule {
        @Override
        public String column() {
            return later;
        }
    }

    /** {@code column} must have a valid value when {@code codeColumn} holds one of {@code codes}. */
    record RequiredWhen(String column, String codeColumn, List<String> codes) implements CrossFieldRule {
        public RequiredWhen {
            codes = List.copyOf(codes);
        }
    }
}
