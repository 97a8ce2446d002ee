package org.lcjp.reoffending.settings;

/**
 * The linkage model the nightly run predicts with (README "The linkage model").
 *
 * @param file         a model file to predict with, relative to the conf folder (e.g. linkage-model.json); null (the
 *                     default) uses OUTPUT's model store, warehouse/linkage/models/linkage-model.json, and trains and
 *                     keeps one there when it holds none
 * @param driftWarnPsi the night's match-weight distribution is compared with the model's training distribution by
 *                     the population stability index; above this the run warns (never fails). Default 0.25, the
 *                     usual "significant shift" mark (0.1-0.25 moderate)
 */
public record LinkageModelSettings(String file, Double driftWarnPsi) {
    public LinkageModelSettings {
        driftWarnPsi = Defaults.or(driftWarnPsi, 0.25);
        if (file != null && file.isBlank()) {
            file = null;
        }
    }

    /** What is wrong with these values, keys relative to the section (none: usable). */
    public java.util.List<String> problems() {
        Problems p = new Problems();
        p.check(driftWarnPsi > 0, "drift_warn_psi", "must be above 0", driftWarnPsi);
        return p.list();
    }

    public static LinkageModelSettings defaults() {
        return new LinkageModelSettings(null, null);
    }
}
