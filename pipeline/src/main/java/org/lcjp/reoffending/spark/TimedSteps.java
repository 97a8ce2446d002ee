package org.lcjp.reoffending.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The steps of a stage, one after another: each is timed, logged, and labels its Spark jobs
 * "&lt;the stage's label&gt; / &lt;step&gt;" (so the Spark UI and the benchmark's costliest steps read like the log).
 * Closing ends the last step and restores the stage's label.
 */
public final class TimedSteps implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(TimedSteps.class);
    private final SparkContext context;
    private final String label;
    private final String what;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String step;
    private long started;

    /** @param what names the whole (for the log: "Linkage step blocking took 3.2 s") */
    public TimedSteps(SparkSession spark, String what) {
        this.context = spark.sparkContext();
        this.label = context.getLocalProperty("spark.job.description");
        this.what = what;
    }

    /** Ends the current step, if any, and starts the next. */
    public void next(String name) {
        end();
        step = name;
        started = System.nanoTime();
        context.setJobDescription(label == null ? name : label + " / " + name);
    }

    /** Seconds per step so far, in order. */
    public Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }

    @Override
    public void close() {
        end();
        context.setJobDescription(label);
    }

    private void end() {
        if (step != null) {
            double s = (System.nanoTime() - started) / 1e9;
            seconds.put(step, s);
            LOG.info("{} step {} took {} s", what, step, String.format("%.1f", s));
            step = null;
        }
    }
}
