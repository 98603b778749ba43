package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The machine and JDK a run used, and its load average, for the page's header. */
final class Machine {

    private Machine() {}

    static Map<String, Object> describe() throws IOException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU");
        long memKib = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0L);
        return Json.object(
                "cores",
                Runtime.getRuntime().availableProcessors(),
                "cpu",
                model,
                "memoryGiB",
                Math.round(memKib / 1048576.0),
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "jdk",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", -1);
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }
}
