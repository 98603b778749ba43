package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the contenders take turns: a warm-up, then rounds in which each runs its share of scrapes, the order
 * reversed every other round so machine noise lands on all of them.
 *
 * @param warmUps unrecorded scrapes per contender before the rounds (then more until one is right)
 * @param rounds how many rounds
 * @param perRound scrapes per contender per round (per scraper when concurrent)
 * @param scrapers concurrent scrapers (1: sequential)
 */
record Rounds(int warmUps, int rounds, int perRound, int scrapers) {

    /** Warm-up scrapes allowed to find the contender answering right before the run gives up. */
    static final int RIGHT_ATTEMPTS = 5;

    Rounds {
        if (warmUps < 0 || rounds < 1 || perRound < 1 || scrapers < 1) {
            throw new IllegalArgumentException("rounds, perRound and scrapers must be positive, warmUps not negative");
        }
    }

    /** Recorded scrapes per contender. */
    int total() {
        return rounds * perRound * scrapers;
    }

    /** Warms every contender up, then runs the rounds. */
    void run(List<Measurement> measurements) throws IOException {
        for (Measurement measurement : measurements) {
            for (int i = 0; i < warmUps; i++) {
                measurement.warmUp(false);
            }
            int attempt = 1; // the contender must be right before it is measured; a busy machine may need retries
            while (!measurement.warmUp(attempt == RIGHT_ATTEMPTS)) {
                attempt++;
            }
        }
        for (int round = 0; round < rounds; round++) {
            List<Measurement> order = new ArrayList<>(measurements);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Measurement measurement : order) {
                turn(measurement);
            }
        }
    }

    private void turn(Measurement measurement) throws IOException {
        long contenderBefore = CpuTicks.of(measurement.contender().pids());
        long targetsBefore = CpuTicks.of(measurement.targetPids());
        scrapes(measurement);
        measurement.addCpu(
                CpuTicks.of(measurement.contender().pids()) - contenderBefore,
                CpuTicks.of(measurement.targetPids()) - targetsBefore);
    }

    private void scrapes(Measurement measurement) throws IOException {
        if (scrapers == 1) {
            for (int i = 0; i < perRound; i++) {
                measurement.scrapeOnce();
            }
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < scrapers; s++) {
            Thread thread = new Thread(
                    () -> {
                        for (int i = 0; i < perRound; i++) {
                            measurement.scrapeOnce();
                        }
                    },
                    "scraper-" + s);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while scraping", e);
            }
        }
    }
}
