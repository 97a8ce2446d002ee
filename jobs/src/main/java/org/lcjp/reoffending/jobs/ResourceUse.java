package org.lcjp.reoffending.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a stage cost the driver JVM, added to the stage's figures: peak heap (sum of the heap pools' peaks since
 * reset) and CPU seconds of the whole process. In local mode the driver JVM is the whole of Spark, so these are the
 * run's; CPU seconds stay comparable when other work shares the machine and wall-clock seconds do not.
 */
final class ResourceUse {
    private ResourceUse() {
    }

    static StageResult measure(Supplier<StageResult> stage) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        long cpuBefore = processCpuNanos();
        StageResult r = stage.get();
        long cpu = processCpuNanos() - cpuBefore;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>(r.details());
        details.put("peak_heap_mb", peak / (1024 * 1024));
        if (cpuBefore >= 0) {
            details.put("cpu_seconds", Math.round(cpu / 1e8) / 10.0);
        }
        return new StageResult(r.stage(), r.rowsIn(), r.rowsOut(), r.seconds(), details);
    }

    /** CPU time of this process so far, or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
