package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.JmxScraper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /}: an HTML page linking every endpoint and every target's probe and debug pages; 404 for other paths. */
final class IndexEndpoint implements Exchanges.ReadOnlyEndpoint {

    private final JmxScraper scraper;

    IndexEndpoint(JmxScraper scraper) {
        this.scraper = scraper;
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            Exchanges.send(exchange, 404, Exchanges.TEXT, "not found\n");
            return;
        }
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", render(scraper.targetNames()));
    }

    static String render(List<String> targets) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>jmx-scraper</title></head><body>
                <h1>jmx-scraper</h1>
                <ul>
                <li><a href="/metrics">/metrics</a> every target</li>
                <li><a href="/health">/health</a></li>
                </ul>
                <h2>Targets</h2>
                <ul>
                """);
        for (String target : targets) {
            String query = URLEncoder.encode(target, StandardCharsets.UTF_8);
            html.append("<li>")
                    .append(escape(target))
                    .append(": <a href=\"/probe?target=")
                    .append(escape(query))
                    .append("\">probe</a> <a href=\"/debug?target=")
                    .append(escape(query))
                    .append("\">debug</a></li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
