#!/usr/bin/env python3
"""Renders the limiter benchmark page and its chart from JMH JSON results (standard library only).

usage: render.py DATA_DIR PAGE.md CHART.svg

DATA_DIR holds what run.sh wrote: jdk<N>-t<threads>.json (in-memory, one file per JDK and thread count),
jdk<N>-redis.json with jdk<N>-redis-extra.jsonl (latency percentiles and Redis command counts) and run.json
(machine, load, dates, duration).
"""
import glob
import json
import os
import statistics
import sys

OURS = ["tokenBucket", "gcra", "slidingWindowCounter", "slidingWindowLog"]
PEERS = ["bucket4j", "resilience4j", "guava", "baseline", "clock"]
LABEL = {
    "tokenBucket": "ours: token bucket", "gcra": "ours: GCRA", "slidingWindowCounter": "ours: sliding window counter",
    "slidingWindowLog": "ours: sliding window log", "bucket4j": "bucket4j 8.19.0", "resilience4j": "resilience4j 2.4.0",
    "guava": "Guava", "baseline": "baseline (no synchronisation)",
    "clock": "clock read alone (System.nanoTime)", "ours": "ours", "multiLimit": "ours, 2 limits",
    "bucket4jBatching": "bucket4j + batching", "evalsha": "floor: raw EVALSHA", "deniedFlood": "ours, denied flood",
}
CONFIGS = [(1, "admitted"), (1, "denied"), (2, "admitted"), (2, "denied")]
WINDOWS = ["1", "8", "64"]


def method(entry):
    return entry["benchmark"].rsplit(".", 1)[1]


def samples(entry):
    return [x for fork in entry["primaryMetric"]["rawData"] for x in fork]


def fork_medians(entry):
    """Each fork's median iteration: a fork is one JVM, with its own JIT and memory placement."""
    return [statistics.median(fork) for fork in entry["primaryMetric"]["rawData"] if fork]


def median(entry):
    """The median over forks of each fork's median, so one fork that landed badly cannot move the result."""
    return statistics.median(fork_medians(entry))


def spread(entry):
    """The range of the fork medians, or of the iterations when there was one fork."""
    values = fork_medians(entry)
    if len(values) == 1:
        values = samples(entry)
    return min(values), max(values)


def best(entry):
    """The least disturbed iteration: the fastest for a time per operation, the highest for a throughput."""
    return min(samples(entry)) if entry["mode"] == "avgt" else max(samples(entry))


def alloc(entry):
    metric = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return metric["score"] if metric else None


def load(data):
    memory, redis, extras = {}, {}, {}
    for path in sorted(glob.glob(os.path.join(data, "jdk*-t*.json"))):
        jdk = os.path.basename(path).split("-")[0][3:]
        for entry in json.load(open(path)):
            scenario, variant = method(entry).split("_", 1)
            params = entry.get("params", {})
            key = (jdk, scenario, params.get("keys", "one"), entry["threads"], params.get("load"), variant)
            memory[key] = entry
    for path in sorted(glob.glob(os.path.join(data, "jdk*-redis.json"))):
        jdk = os.path.basename(path).split("-")[0][3:]
        for entry in json.load(open(path)):
            params = entry.get("params", {})
            redis[(jdk, method(entry).split("_", 1)[1], params.get("keys"), params.get("inFlight"))] = entry
        extra = path.replace(".json", "-extra.jsonl")
        if os.path.exists(extra):
            for line in open(extra):
                row = json.loads(line)
                params = row.get("params", {})
                extras[(jdk, row["benchmark"].rsplit("_", 1)[1], params.get("keys"), params.get("inFlight"))] = row
    run = json.load(open(os.path.join(data, "run.json"))) if os.path.exists(os.path.join(data, "run.json")) else {}
    return memory, redis, extras, run


def fmt(value, digits=1):
    if value is None:
        return "—"
    if value >= 10000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def rtxt(value):
    return "—" if value is None else f"{value:.2f}×"


def commands_per_decision(extra, only=None):
    if not extra or not extra.get("decisions"):
        return None
    calls = sum(n for name, n in extra["commands"].items()
                if not name.startswith("_") and (only is None or name in only))
    return calls / extra["decisions"]


def server_usec(extra):
    decisions = extra.get("decisions") or 0
    return extra["commands"].get("_usec", 0) / decisions if decisions else 0.0


def memory_section(memory, jdk, scenario, keys, title, peers):
    lines = [f"#### {title} — JDK {jdk}", "",
             "| contender | " + " | ".join(f"{t} thread{'s' if t > 1 else ''}, {l}" for t, l in CONFIGS) + " |",
             "|---|" + "---:|" * len(CONFIGS)]
    for variant in OURS + peers:
        cells = []
        for threads, load_ in CONFIGS:
            entry = memory.get((jdk, scenario, keys, threads, load_, variant))
            if entry is None:
                cells.append("—")
                continue
            ns = median(entry)
            low, high = spread(entry)
            cell = f"{fmt(ns)} ns ({fmt(low)}–{fmt(high)}), {fmt(alloc(entry), 0)} B"
            if variant in OURS:
                b4j = memory.get((jdk, scenario, keys, threads, load_, "bucket4j"))
                cell += f", **{rtxt(ratio(ns, median(b4j) if b4j else None))}** b4j"
            cells.append(cell)
        lines.append(f"| {LABEL[variant]} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Ratios of our token bucket's ns/op to each peer's (below 1 is faster than the peer):")
    lines.append("")
    lines.append("| vs | " + " | ".join(f"{t}t {l}" for t, l in CONFIGS) + " |")
    lines.append("|---|" + "---:|" * len(CONFIGS))
    for peer in peers:
        cells = []
        for threads, load_ in CONFIGS:
            ours = memory.get((jdk, scenario, keys, threads, load_, "tokenBucket"))
            other = memory.get((jdk, scenario, keys, threads, load_, peer))
            cells.append(rtxt(ratio(median(ours), median(other))) if ours and other else "—")
        lines.append(f"| {LABEL[peer]} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def redis_section(redis, extras, jdk):
    lines = [f"#### Redis — JDK {jdk}: admitted decisions per second, p50 / p99 latency, Redis commands per decision",
             "", "| contender | keys | " + " | ".join(f"{w} in flight" for w in WINDOWS) + " |",
             "|---|---|" + "---:|" * len(WINDOWS)]
    for keys in ["100k", "hot"]:
        for variant in ["ours", "multiLimit", "bucket4j", "bucket4jBatching", "evalsha"]:
            cells = []
            for window in WINDOWS:
                entry = redis.get((jdk, variant, keys, window))
                extra = extras.get((jdk, variant, keys, window))
                if entry is None:
                    cells.append("—")
                    continue
                cell = f"{fmt(median(entry), 0)} ops/s"
                if extra:
                    cell += (f"; {fmt(extra['p50_us'], 0)} / {fmt(extra['p99_us'], 0)} µs;"
                             f" {commands_per_decision(extra):.2f} cmd, {server_usec(extra):.1f} µs Redis CPU")
                cells.append(cell)
            lines.append(f"| {LABEL[variant]} | {keys} | " + " | ".join(cells) + " |")
    lines += ["", "Ratios of our engine's ops/s to each contender's (above 1 is faster):", "",
              "| ours vs | keys | " + " | ".join(f"{w} in flight" for w in WINDOWS) + " |",
              "|---|---|" + "---:|" * len(WINDOWS)]
    for keys in ["100k", "hot"]:
        for other in ["bucket4j", "bucket4jBatching", "evalsha"]:
            cells = []
            for window in WINDOWS:
                ours = redis.get((jdk, "ours", keys, window))
                peer = redis.get((jdk, other, keys, window))
                cells.append(rtxt(ratio(median(ours), median(peer))) if ours and peer else "—")
            lines.append(f"| {LABEL[other]} | {keys} | " + " | ".join(cells) + " |")
        cells = []
        for window in WINDOWS:
            multi = redis.get((jdk, "multiLimit", keys, window))
            ours = redis.get((jdk, "ours", keys, window))
            cells.append(rtxt(ratio(median(multi), median(ours))) if multi and ours else "—")
        lines.append(f"| (2 limits ÷ 1 limit) | {keys} | " + " | ".join(cells) + " |")
    flood = redis.get((jdk, "deniedFlood", None, None))
    flood_extra = extras.get((jdk, "deniedFlood", None, None))
    if flood:
        lines += ["", f"Denied flood (one key, 100 per second, 64 in flight): {fmt(median(flood), 0)} decisions/s,"
                  f" {commands_per_decision(flood_extra) or 0:.4f} Redis commands per decision"
                  f" ({commands_per_decision(flood_extra, {'evalsha', 'eval'}) or 0:.4f} script calls)."]
    lines.append("")
    return lines


def goal_rows(memory, redis, extras, jdks):
    rows = []

    def add(goal, value, target, ok, best_value="", best_ok=None):
        verdict = "met" if ok else "**missed**"
        best_verdict = "" if best_ok is None else ("met" if best_ok else "missed")
        rows.append(f"| {goal} | {value} | {target} | {verdict} | {best_value} {best_verdict} |")

    for jdk in jdks:
        for scenario, keys, name in [("single", "one", "one limiter vs one bucket"),
                                     ("keyed", "100k", "engine vs bucket map, 100k keys"),
                                     ("keyed", "hot", "engine vs bucket map, hot key")]:
            for threads, load_ in CONFIGS:
                ours = memory.get((jdk, scenario, keys, threads, load_, "tokenBucket"))
                b4j = memory.get((jdk, scenario, keys, threads, load_, "bucket4j"))
                if ours and b4j:
                    r, rb = median(ours) / median(b4j), best(ours) / best(b4j)
                    add(f"JDK {jdk}: {name}, {threads} thread{'s' if threads > 1 else ''}, {load_}",
                        f"{r:.2f}× bucket4j", "≤ 0.80×", r <= 0.8, f"{rb:.2f}×", rb <= 0.8)
        for load_ in ["admitted", "denied"]:
            single = memory.get((jdk, "single", "one", 1, load_, "tokenBucket"))
            if single:
                add(f"JDK {jdk}: one limiter, 1 thread, {load_}", f"{median(single):.1f} ns/op", "≤ 50 ns/op",
                    median(single) <= 50, f"{best(single):.1f} ns", best(single) <= 50)
                add(f"JDK {jdk}: one limiter, 1 thread, {load_}", f"{alloc(single):.0f} B/op", "≤ 48 B/op",
                    alloc(single) <= 48.5)
    for jdk in sorted({k[0] for k in redis}):
        for keys in ["100k", "hot"]:
            for window, target in [("1", 2.0), ("8", 2.0), ("64", 1.5)]:
                ours, b4j = redis.get((jdk, "ours", keys, window)), redis.get((jdk, "bucket4j", keys, window))
                if ours and b4j:
                    r, rb = median(ours) / median(b4j), best(ours) / best(b4j)
                    if keys == "hot" and window != "1":  # one call at a time: nothing contends, nothing to batch
                        target = 20.0
                    where = "100k random keys" if keys == "100k" else "admitted hot key"
                    add(f"Redis, {where}, {window} in flight: ours ÷ bucket4j", f"{r:.2f}×", f"≥ {target:g}×",
                        r >= target, f"{rb:.2f}×", rb >= target)
        for window in WINDOWS:
            ours, batching = redis.get((jdk, "ours", "hot", window)), redis.get((jdk, "bucket4jBatching", "hot", window))
            if ours and batching:
                r, rb = median(ours) / median(batching), best(ours) / best(batching)
                add(f"Redis, hot key, {window} in flight: ours ÷ bucket4j with batching", f"{r:.2f}×", "≥ 1×", r >= 1,
                    f"{rb:.2f}×", rb >= 1)
        for keys in ["100k", "hot"]:
            for window in WINDOWS:
                ours, floor = redis.get((jdk, "ours", keys, window)), redis.get((jdk, "evalsha", keys, window))
                if ours and floor:
                    r, rb = median(ours) / median(floor), best(ours) / best(floor)
                    add(f"Redis, {keys} keys, {window} in flight: ours ÷ raw EVALSHA floor", f"{r:.2f}×", "≥ 0.8×",
                        r >= 0.8, f"{rb:.2f}×", rb >= 0.8)
        flood = extras.get((jdk, "deniedFlood", None, None))
        if flood:
            c = commands_per_decision(flood)
            add("Redis: denied flood on one key", f"{c:.4f} commands/decision", "≤ 0.01", c <= 0.01)
    return rows


def chart(memory, redis, jdk, path):
    """Two panels: in-memory ns/op (one limiter, 1 thread) and Redis ops/s relative to the EVALSHA floor."""
    bars1 = []
    for load_ in ["admitted", "denied"]:
        for variant in OURS + PEERS:
            e = memory.get((jdk, "single", "one", 1, load_, variant))
            if e:
                bars1.append((f"{LABEL[variant]} · {load_}", median(e), variant in OURS))
    bars2 = []
    for keys in ["100k", "hot"]:
        for window in WINDOWS:
            floor = redis.get((jdk, "evalsha", keys, window))
            for variant in ["ours", "bucket4j", "bucket4jBatching"]:
                e = redis.get((jdk, variant, keys, window))
                if e and floor:
                    bars2.append((f"{LABEL[variant]} · {keys} · {window} in flight", median(e) / median(floor),
                                  variant == "ours"))
    width, label_w, bar_h, gap = 900, 330, 16, 4
    panels = [(f"In memory, one limiter, 1 thread, JDK {jdk}: ns/op (shorter is faster)", bars1, "ns"),
              (f"Redis, JDK {jdk}: ops/s ÷ raw EVALSHA floor (longer is faster; line = floor)", bars2, "×")]
    height = sum(40 + len(b) * (bar_h + gap) for _, b, _ in panels) + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>']
    y = 20
    for title, bars, unit in panels:
        out.append(f'<text x="10" y="{y}" font-size="13" font-weight="bold">{title}</text>')
        y += 15
        top = max([v for _, v, _ in bars] + [1.0])
        scale = (width - label_w - 80) / top
        if unit == "×":
            x1 = label_w + scale
            out.append(f'<line x1="{x1:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y + len(bars) * (bar_h + gap)}" '
                       f'stroke="#555" stroke-dasharray="4 3"/>')
        for name, value, ours in bars:
            colour = "#2b7bba" if ours else "#bbbbbb"
            out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{name}</text>')
            out.append(f'<rect x="{label_w}" y="{y}" width="{max(1, value * scale):.1f}" height="{bar_h}" '
                       f'fill="{colour}"/>')
            text = f"{value:.2f}×" if unit == "×" else f"{value:.1f} ns"
            out.append(f'<text x="{label_w + value * scale + 4:.1f}" y="{y + 12}">{text}</text>')
            y += bar_h + gap
        y += 25
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    data, page, svg = sys.argv[1:4]
    memory, redis, extras, run = load(data)
    jdks = sorted({k[0] for k in memory}, key=int)
    chart_jdk = jdks[0] if jdks else "17"
    chart(memory, redis, chart_jdk, svg)
    rel_svg = os.path.relpath(svg, os.path.dirname(page))
    rel_data = os.path.relpath(data, os.path.dirname(page))
    lines = ["# Limiter hot paths against their peers (JMH)", "",
             "Generated by `jmh-benchmarks/render.py` from the JMH JSON in "
             f"[`{rel_data}/`]({rel_data}/); reproduce with `jmh-benchmarks/run.sh` (full) or "
             "`jmh-benchmarks/run.sh --quick` (smoke).", "",
             "## Run", "",
             f"- Date: {run.get('date', '?')}; whole run {run.get('minutes', '?')} minutes",
             f"- Machine: {run.get('machine', '?')}",
             f"- Load average (1/5/15 min) at start: {run.get('load_start', '?')}; at end: {run.get('load_end', '?')}",
             f"- JDKs: {run.get('jdks', ', '.join(jdks))}",
             f"- Profile: {run.get('profile', '?')}",
             "- Peers: bucket4j `_jdk17` 8.19.0 (core and Lettuce), resilience4j 2.4.0, Guava 33.8.0-jre;"
             " redis-server started privately by each trial; Lettuce 6.8.2.",
             "- Cells give the median over forks of each fork's median iteration and, in brackets, the range of the"
             " fork medians (of the iterations, where there was one fork). ns/op comes with `-prof gc` allocation per"
             " operation (B). Every fork runs on a fixed, pre-touched heap (`-Xms256m -Xmx256m"
             " -XX:+AlwaysPreTouch`): on this VM, memory the JVM touches for the first time costs ~2.7 ns per"
             " allocated byte, and whether a fork paid it decided whether it ran at ~50 or ~170–330 ns/op.", "",
             f"![chart]({rel_svg})", "",
             "## Goals", "",
             "Measured on the median fork; the last column repeats the comparison on each"
             " contender's least disturbed iteration (fastest time, highest throughput), which on this shared"
             " machine is the better estimate of the code's own cost. Only the median column counts as the result.",
             "", "| goal | measured (median) | target | | best iterations |", "|---|---|---|---|---|"]
    lines += goal_rows(memory, redis, extras, jdks)
    lines += ["", "## In memory", ""]
    for jdk in jdks:
        lines += memory_section(memory, jdk, "single", "one", "One limiter (one key) vs one bucket", PEERS)
        lines += memory_section(memory, jdk, "keyed", "100k", "Keyed engine, 100k random keys, vs bucket4j buckets in a map",
                                ["bucket4j", "baseline"])
        lines += memory_section(memory, jdk, "keyed", "hot", "Keyed engine, one hot key, vs bucket4j buckets in a map",
                                ["bucket4j", "baseline"])
    lines += ["## Redis", "",
              "One JMH thread keeps a bounded window of asynchronous calls in flight against a private redis-server on"
              " the same 2 cores; every call is admitted (10^9 per second) except in the denied flood. p50/p99 from an"
              " HdrHistogram of submission-to-answer times; commands per decision from `INFO commandstats`, which"
              " also counts the commands a script runs (our script: EVALSHA + TIME + HMGET + HSET + PEXPIRE = 5 per"
              " call; bucket4j: GET + EVAL + the script's GET and SET/PSETEX).", ""]
    for jdk in sorted({k[0] for k in redis}, key=int):
        lines += redis_section(redis, extras, jdk)
    notes = os.path.join(data, "notes.md")
    if os.path.exists(notes):
        lines += ["## Closing note", "", open(notes).read().strip(), ""]
    with open(page, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
