package org.lcjp.reoffending.settings;

/**
 * Linking records of one person across agencies.
 *
 * @param matchThreshold  pairs with match probability at or above this are joined into one person (default 0.95)
 * @param maxClusterSize  a cluster larger than this is split along its weakest links (default 200)
 */
public record LinkageSettings(Double matchThreshold, Integer maxClusterSize) {
    public LinkageSettings {
        matchThreshold = Defaults.or(matchThreshold, 0.95);
        maxClusterSize = Defaults.or(maxClusterSize, 200);
    }

    public static LinkageSettings defaults() {
        return new LinkageSettings(null, null);
    }
}
