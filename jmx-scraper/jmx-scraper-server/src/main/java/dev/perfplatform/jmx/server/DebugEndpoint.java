package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.model.MatchTrace;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /debug?target=NAME}: a plain-text page listing, for each attribute the target serves, its match string,
 * the winning rule and what it produced.
 */
final class DebugEndpoint implements Exchanges.ReadOnlyEndpoint {

    private final JmxScraper scraper;

    DebugEndpoint(JmxScraper scraper) {
        this.scraper = scraper;
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        String target = Exchanges.parameter(exchange, "target");
        if (target == null || target.isEmpty()) {
            Exchanges.send(exchange, 400, Exchanges.TEXT, "missing query parameter: target\n");
            return;
        }
        Optional<List<MatchTrace>> traces;
        try {
            traces = scraper.trace(target);
        } catch (IOException e) {
            Exchanges.send(exchange, 502, Exchanges.TEXT, "target " + target + " could not be read: " + e + "\n");
            return;
        }
        if (traces.isEmpty()) {
            Exchanges.send(exchange, 404, Exchanges.TEXT, "no such target: " + target + "\n");
            return;
        }
        Exchanges.send(exchange, 200, Exchanges.TEXT, render(target, traces.get()));
    }

    static String render(String target, List<MatchTrace> traces) {
        StringBuilder page = new StringBuilder();
        page.append("# target ")
                .append(target)
                .append(": ")
                .append(traces.size())
                .append(" attributes\n");
        for (MatchTrace trace : traces) {
            page.append('\n').append(trace.matchString()).append('\n');
            if (trace.ruleIndex() == null) {
                page.append("  rule:   none matched\n");
            } else {
                page.append("  rule:   #").append(trace.ruleIndex());
                if (trace.rulePattern() != null) {
                    page.append(" pattern ").append(trace.rulePattern());
                }
                page.append('\n');
            }
            page.append("  result: ").append(trace.outcome()).append('\n');
        }
        return page.toString();
    }
}
