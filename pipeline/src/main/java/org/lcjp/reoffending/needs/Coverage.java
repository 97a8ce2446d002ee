package org.lcjp.reoffending.needs;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lcjp.reoffending.domain.DatasetId;

/**
 * How far each dataset's deliveries reach (methodology.md section 4; the dates are those of the measure stage's
 * {@code DataCoverage}), and so whether a figure that needs data up to some date is FINAL.
 *
 * @param asOf  the run's as-of date
 * @param dates coverage date by dataset; empty when the dataset has never delivered
 */
public record Coverage(LocalDate asOf, Map<DatasetId, Optional<LocalDate>> dates) {
    public static final String FINAL = "FINAL";
    public static final String PROVISIONAL = "PROVISIONAL";
    public static final String FOLLOW_UP_NOT_ELAPSED = "FOLLOW_UP_NOT_ELAPSED";
    public static final String DATA_INCOMPLETE = "DATA_INCOMPLETE:";

    public Coverage {
        dates = new LinkedHashMap<>(dates);
    }

    /** A figure's status and, when it is not FINAL, why (the outputs.md status_reason codes). */
    public record Status(String status, String reason) {
        public boolean isFinal() {
            return FINAL.equals(status);
        }
    }

    public boolean delivered(DatasetId id) {
        return dates.getOrDefault(id, Optional.empty()).isPresent();
    }

    /**
     * FINAL when the as-of date and every one of the datasets reach the date; otherwise PROVISIONAL, naming the
     * as-of date or the dataset whose coverage is shortest (one never delivered first).
     */
    public Status status(LocalDate needed, Collection<DatasetId> datasets) {
        if (needed.isAfter(asOf)) {
            return new Status(PROVISIONAL, FOLLOW_UP_NOT_ELAPSED);
        }
        Optional<DatasetId> limiting = datasets.stream()
                .filter(id -> dates.getOrDefault(id, Optional.empty())
                        .map(d -> d.isBefore(needed))
                        .orElse(true))
                .min(Comparator.comparing((DatasetId id) ->
                                dates.getOrDefault(id, Optional.empty()).orElse(LocalDate.MIN))
                        .thenComparing(DatasetId::path));
        return limiting.map(id -> new Status(PROVISIONAL, DATA_INCOMPLETE + id.path()))
                .orElse(new Status(FINAL, null));
    }
}
