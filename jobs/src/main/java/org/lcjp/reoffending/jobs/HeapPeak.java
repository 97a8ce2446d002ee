package org.lcjp.reoffending.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Peak heap of the driver JVM during a stage (sum of the heap pools' peaks since reset), added to the stage's
 * figures. In local mode the driver JVM is the whole of Spark, so this is the run's peak heap.
 */
final class HeapPeak {
    private HeapPeak() {
    }

    static StageResult measure(Supplier<StageResult> stage) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        StageResult r = stage.get();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>(r.details());
        details.put("peak_heap_mb", peak / (1024 * 1024));
        return new StageResult(r.stage(), r.rowsIn(), r.rowsOut(), r.seconds(), details);
    }
}
