package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A process's memory from {@code /proc/<pid>/status}, in KiB: resident now ({@code VmRSS}), its peak ({@code VmHWM})
 * and the resident split into anonymous memory (heap, metaspace, code, stacks) and mapped files (jars, libjvm, CDS).
 *
 * @param rssKib resident set size now
 * @param hwmKib peak resident set size since the process started
 * @param anonKib resident anonymous memory
 * @param fileKib resident file-backed memory
 */
record Rss(long rssKib, long hwmKib, long anonKib, long fileKib) {

    /** Reads one live process. */
    static Rss of(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return new Rss(field(lines, "VmRSS"), field(lines, "VmHWM"), field(lines, "RssAnon"), field(lines, "RssFile"));
    }

    /** The sum over several processes (the peaks are summed too: an upper bound of the joint peak). */
    static Rss sum(List<Long> pids) throws IOException {
        Rss total = new Rss(0, 0, 0, 0);
        for (long pid : pids) {
            Rss one = of(pid);
            total = new Rss(
                    total.rssKib + one.rssKib,
                    total.hwmKib + one.hwmKib,
                    total.anonKib + one.anonKib,
                    total.fileKib + one.fileKib);
        }
        return total;
    }

    Map<String, Object> toJson() {
        return Json.object(
                "rssMiB", mib(rssKib), "hwmMiB", mib(hwmKib), "anonMiB", mib(anonKib), "fileMiB", mib(fileKib));
    }

    private static double mib(long kib) {
        return Math.round(kib / 1024.0 * 10) / 10.0;
    }

    private static long field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+", -1)[0]);
            }
        }
        throw new IllegalStateException("no " + name + " in /proc/<pid>/status");
    }
}
