package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The sandbox process's own figures after a garbage collection, so a soak can tell growth from garbage. */
final class ProcessFigures {

    private ProcessFigures() {
    }

    /** Runs a collection, then reports the heap in use, the live threads and the open file descriptors (-1 unknown). */
    static ObjectNode afterCollection(ObjectMapper mapper) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long descriptors = os instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
        return mapper.createObjectNode().put("heap_used_bytes", heap)
                .put("threads", ManagementFactory.getThreadMXBean().getThreadCount())
                .put("open_file_descriptors", descriptors);
    }
}
