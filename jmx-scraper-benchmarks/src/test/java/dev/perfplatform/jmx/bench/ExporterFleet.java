package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.JmxExporterOracle;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One jmx_exporter 1.0.1 standalone process per target (it reads one JVM), all with the same flags and rules. A
 * scrape asks all of them at once, as Prometheus would, and lasts until the last page arrives; the pages are joined.
 */
final class ExporterFleet implements Contender {

    private final List<JmxExporterOracle> exporters;
    private final ExecutorService pool;

    private ExporterFleet(List<JmxExporterOracle> exporters) {
        this.exporters = exporters;
        this.pool = Executors.newFixedThreadPool(exporters.size());
    }

    /** Starts one exporter per target, one after another. */
    static ExporterFleet start(List<TargetJvm> targets, String rules, List<String> jvmFlags) throws IOException {
        List<JmxExporterOracle> started = new ArrayList<>();
        try {
            for (TargetJvm target : targets) {
                started.add(JmxExporterOracle.start(target, rules, jvmFlags.toArray(String[]::new)));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(JmxExporterOracle::close);
            throw e;
        }
        return new ExporterFleet(started);
    }

    @Override
    public String name() {
        return "jmx_exporter";
    }

    @Override
    public String scrape() throws IOException {
        if (exporters.size() == 1) {
            return exporters.get(0).scrape();
        }
        List<Future<String>> pages = new ArrayList<>();
        for (JmxExporterOracle exporter : exporters) {
            pages.add(pool.submit(exporter::scrape));
        }
        StringBuilder joined = new StringBuilder();
        for (Future<String> page : pages) {
            try {
                joined.append(page.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while scraping jmx_exporter", e);
            }
        }
        return joined.toString();
    }

    @Override
    public List<Long> pids() {
        return exporters.stream().map(JmxExporterOracle::pid).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        exporters.forEach(JmxExporterOracle::close);
    }
}
