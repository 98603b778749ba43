package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time (user + system, in clock ticks) that processes used so far, from {@code /proc/<pid>/stat}. */
final class CpuTicks {

    /** Clock ticks per second on Linux ({@code getconf CLK_TCK}); {@code /proc} reports in these. */
    static final int PER_SECOND = 100;

    private CpuTicks() {}

    static long of(List<Long> pids) throws IOException {
        long total = 0;
        for (long pid : pids) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        }
        return total;
    }
}
