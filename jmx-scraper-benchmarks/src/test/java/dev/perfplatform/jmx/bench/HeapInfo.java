package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's anonymous memory goes, from {@code jcmd <pid> GC.heap_info} (read after the RSS, since it stops the
 * JVM at a safepoint): heap committed and used, metaspace committed; the rest of the anonymous RSS is native (code
 * cache, thread stacks, GC structures, malloc).
 *
 * @param heapCommittedKib the heap's committed size
 * @param heapUsedKib the heap's used part
 * @param metaspaceKib metaspace committed
 */
record HeapInfo(long heapCommittedKib, long heapUsedKib, long metaspaceKib) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

    /** Summed over processes; zeros when {@code jcmd} is missing or fails (the page then shows 0). */
    static HeapInfo sum(List<Long> pids) {
        long committed = 0;
        long used = 0;
        long metaspace = 0;
        for (long pid : pids) {
            String out = jcmd(pid);
            Matcher heap = HEAP.matcher(out);
            Matcher meta = METASPACE.matcher(out);
            if (heap.find()) {
                committed += Long.parseLong(heap.group(1));
                used += Long.parseLong(heap.group(2));
            }
            if (meta.find()) {
                metaspace += Long.parseLong(meta.group(1));
            }
        }
        return new HeapInfo(committed, used, metaspace);
    }

    /** Adds the figures, in MiB, to a memory object. */
    void addTo(Map<String, Object> memory) {
        memory.put("heapCommittedMiB", Math.round(heapCommittedKib / 102.4) / 10.0);
        memory.put("heapUsedMiB", Math.round(heapUsedKib / 102.4) / 10.0);
        memory.put("metaspaceMiB", Math.round(metaspaceKib / 102.4) / 10.0);
    }

    private static String jcmd(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
