import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full payment flows against a running fluxpay-app, closed loop: each of {@code threads} workers repeats create order
 * → create payment → simulator checkout → confirm, timing every step, until {@code seconds} have passed (after
 * {@code warmupSeconds} that are not counted). Run it as a single-file program (JDK 17+, no dependencies):
 *
 * <pre>java FlowBench.java http://127.0.0.1:18081 sk_bench_key 16 30 5</pre>
 *
 * Prints one {@code FLOW} line: completed flows per second, p50/p95 of each step and of the whole flow (ms), errors.
 */
public final class FlowBench {

    private static final String[] STEPS = {"order", "payment", "checkout", "confirm", "flow"};
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");
    private static final Pattern PAYMENT_ID = Pattern.compile("\"paymentId\":\"([^\"]+)\"");
    private static final Pattern PAYMENT_KEY = Pattern.compile("\"paymentKey\":\"([^\"]+)\"");
    private static final long AMOUNT = 9900;

    private final String base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private FlowBench(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java FlowBench.java <base url> <api key> <threads> <seconds> <warm-up seconds>");
            System.exit(2);
        }
        FlowBench bench = new FlowBench(args[0], args[1]);
        int threads = Integer.parseInt(args[2]);
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        long end = warmupEnd + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[][]>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> bench.work(warmupEnd, end)));
        }
        List<long[]> perStep = new ArrayList<>();
        for (int s = 0; s < STEPS.length; s++) {
            perStep.add(new long[0]);
        }
        for (Future<long[][]> worker : workers) {
            long[][] samples = worker.get();
            for (int s = 0; s < STEPS.length; s++) {
                perStep.set(s, concat(perStep.get(s), samples[s]));
            }
        }
        pool.shutdown();
        double seconds = (end - warmupEnd) / 1e9;
        StringBuilder line = new StringBuilder(String.format(
                "FLOW flows=%d seconds=%.1f flows_per_s=%.1f", perStep.get(4).length, seconds, perStep.get(4).length / seconds));
        for (int s = 0; s < STEPS.length; s++) {
            long[] sorted = perStep.get(s);
            Arrays.sort(sorted);
            line.append(String.format(" %s_p50_ms=%.2f %s_p95_ms=%.2f", STEPS[s], percentile(sorted, 50), STEPS[s], percentile(sorted, 95)));
        }
        line.append(" errors=").append(bench.errors.get());
        System.out.println(line);
    }

    /** One worker: flows until {@code end}; the samples (ns) of flows that started after {@code warmupEnd}. */
    private long[][] work(long warmupEnd, long end) {
        Samples[] samples = new Samples[STEPS.length];
        for (int s = 0; s < STEPS.length; s++) {
            samples[s] = new Samples();
        }
        long[] took = new long[STEPS.length];
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                flow(took);
            } catch (Exception e) {
                if (start >= warmupEnd) {
                    errors.incrementAndGet();
                }
                continue;
            }
            took[4] = System.nanoTime() - start;
            if (start >= warmupEnd && System.nanoTime() <= end) {
                for (int s = 0; s < STEPS.length; s++) {
                    samples[s].add(took[s]);
                }
            }
        }
        long[][] result = new long[STEPS.length][];
        for (int s = 0; s < STEPS.length; s++) {
            result[s] = samples[s].toArray();
        }
        return result;
    }

    private void flow(long[] took) throws Exception {
        String order = field(ORDER_ID, post(took, 0, "/api/v1/orders", true, 201,
                "{\"userId\":\"bench\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"Plan\","
                        + "\"quantity\":1,\"unitPrice\":" + AMOUNT + "}]}"));
        String payment = field(PAYMENT_ID, post(took, 1, "/api/v1/payments", true, 201,
                "{\"orderId\":\"" + order + "\",\"amount\":" + AMOUNT + ",\"currency\":\"KRW\"}"));
        String paymentKey = field(PAYMENT_KEY, post(took, 2, "/sim/checkout", false, 200,
                "{\"orderId\":\"" + payment + "\",\"amount\":" + AMOUNT + ",\"scenario\":\"APPROVE\"}"));
        post(took, 3, "/api/v1/payments/" + payment + "/confirm", true, 200,
                "{\"paymentKey\":\"" + paymentKey + "\",\"amount\":" + AMOUNT + "}");
    }

    private String post(long[] took, int step, String path, boolean merchant, int expected, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (merchant) {
            request.header("Authorization", "Bearer " + apiKey)
                    .header("Idempotency-Key", "flow-" + ProcessHandle.current().pid() + "-" + keys.incrementAndGet());
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        took[step] = System.nanoTime() - start;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A growable array of nanosecond samples. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
