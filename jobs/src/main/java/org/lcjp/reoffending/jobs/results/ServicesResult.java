package org.lcjp.reoffending.jobs.results;

import java.util.List;
import java.util.Optional;

/**
 * What the services stage did.
 *
 * @param rows   rows written over every service table
 * @param tables each service table, in build order, with its rows (not delivered: its source dataset never was)
 */
public record ServicesResult(long rows, double seconds, List<Table> tables, StageCost cost) implements StageSummary {
    public static final String STAGE = "services";

    /** A service table and the rows written; {@code rows} null when its source dataset was never delivered. */
    public record Table(String name, Long rows) {
        public boolean delivered() {
            return rows != null;
        }
    }

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public long rowsIn() {
        return 0;
    }

    @Override
    public long rowsOut() {
        return rows;
    }

    @Override
    public ServicesResult withCost(StageCost cost) {
        return new ServicesResult(rows, seconds, tables, cost);
    }

    /** The named table's figures, if it is a service table. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public List<Figure> figures() {
        Figure.Builder f = Figure.list();
        tables.forEach(t -> f.add(t.name(), t.delivered() ? t.rows() : "not delivered"));
        return f.build();
    }
}
