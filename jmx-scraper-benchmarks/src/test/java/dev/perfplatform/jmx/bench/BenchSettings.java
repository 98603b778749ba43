package dev.perfplatform.jmx.bench;

import java.util.List;

/**
 * Everything a run varies: how many scrapes, how our server is started, the targets' flags.
 *
 * @param quick a smoke run (few scrapes), never published
 * @param launch how to start our server
 * @param targetFlags the flags of every target JVM
 * @param single sequential scrapes against one target
 * @param concurrent the concurrent-scrapers row against one target
 * @param many scrapes of ten targets
 * @param manyFlags the flag sets of the ten-target scenario (a quick run does one: 21 JVMs take minutes to start)
 * @param slow scrapes of the slow-target scenario (each lasts about 2 s)
 * @param command the command line the page prints
 */
record BenchSettings(
        boolean quick,
        ServerLaunch launch,
        List<String> targetFlags,
        Rounds single,
        Rounds concurrent,
        Rounds many,
        List<FlagSet> manyFlags,
        Rounds slow,
        String command) {

    /** The target JVMs' flags: small and fixed, so ten of them fit next to the contenders. */
    static final List<String> TARGET_FLAGS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    static BenchSettings of(boolean quick, ServerLaunch launch, String command) {
        if (quick) {
            return new BenchSettings(
                    true,
                    launch,
                    TARGET_FLAGS,
                    new Rounds(20, 2, 10, 1),
                    new Rounds(5, 2, 5, 4),
                    new Rounds(5, 2, 5, 1),
                    List.of(FlagSet.SMALL_HEAP),
                    new Rounds(1, 2, 2, 1),
                    command);
        }
        return new BenchSettings(
                false,
                launch,
                TARGET_FLAGS,
                new Rounds(100, 10, 30, 1),
                new Rounds(20, 5, 10, 4),
                new Rounds(10, 5, 6, 1),
                List.of(FlagSet.DEFAULT, FlagSet.SMALL_HEAP),
                new Rounds(2, 5, 3, 1),
                command);
    }
}
