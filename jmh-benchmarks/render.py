#!/usr/bin/env python3
"""Renders the limiter benchmark page and its chart from JMH JSON results (standard library only).

usage: render.py DATA_DIR PAGE.md CHART.svg

DATA_DIR holds what run.sh wrote, per suite (memory/, redis/, cap/):
  <jdk>-t<threads>.<Class>.<params>.<method>.f<fork>.json  one JMH invocation (-f 1, -rf json): one benchmark method,
      one parameter combination (k=v,k=v or "none"), one fork; e.g. jdk17-t1.RedisBenchmark.inFlight=8,keys=100k.
      redis_ours.f3.json
  invocations.jsonl  per invocation: round, position in its set's rotated order, seconds, warm-up iteration scores
  extra.jsonl        Redis: per invocation, HdrHistogram percentiles and INFO commandstats counts
  run.json           machine, load, dates, profile, duration

Every figure is built from forks. A fork's value is its median measured iteration. A cell is the median of its fork
values, with their min-max. A ratio is paired by fork, ours in fork k / the peer in fork k (run.sh runs the
contenders of a parameter set back to back within a fork, in an order rotated every fork), and published as the
median of the per-fork ratios with their min-max.
"""
import glob
import json
import os
import statistics
import sys

SUITES = ["memory", "redis", "cap"]
CAP_PERCENTILES = ["50.0", "99.0", "99.9", "99.99", "100.0"]
OURS = ["tokenBucket", "gcra", "slidingWindowCounter", "slidingWindowLog"]
PEERS = ["bucket4j", "resilience4j", "guava", "baseline", "clock"]
LABEL = {
    "tokenBucket": "ours: token bucket", "gcra": "ours: GCRA", "slidingWindowCounter": "ours: sliding window counter",
    "slidingWindowLog": "ours: sliding window log", "bucket4j": "bucket4j 8.19.0", "resilience4j": "resilience4j 2.4.0",
    "guava": "Guava", "baseline": "baseline (no synchronisation)",
    "clock": "clock read alone (System.nanoTime)", "ours": "ours", "multiLimit": "ours, 2 limits",
    "bucket4jBatching": "bucket4j + batching", "evalsha": "floor: raw EVALSHA", "deniedFlood": "ours, denied flood",
}
REDIS_VARIANTS = ["ours", "multiLimit", "bucket4j", "bucket4jBatching", "evalsha"]
CONFIGS = [(1, "admitted"), (1, "denied"), (2, "admitted"), (2, "denied")]
WINDOWS = ["1", "8", "64"]
STILL_RISING = 1.10  # measured iterations this much faster than the last warm-up one: the cell had not settled


def label(variant):
    return LABEL.get(variant, variant)


class Cell:
    """One contender under one parameter set, JDK and thread count: its forks, each one JMH invocation."""

    def __init__(self):
        self.forks = {}  # fork -> JMH result entry
        self.warmup = {}  # fork -> warm-up iteration scores (from invocations.jsonl)
        self.extras = {}  # fork -> Redis extra line

    def add(self, fork, entry):
        self.forks[fork] = entry

    @property
    def faster_is_higher(self):
        return next(iter(self.forks.values()))["mode"] == "thrpt"

    def iterations(self, fork):
        return [x for run in self.forks[fork]["primaryMetric"]["rawData"] for x in run]

    def fork_values(self):
        """Each fork's median measured iteration: a fork is one JVM, with its own JIT and memory placement."""
        return {k: statistics.median(self.iterations(k)) for k in sorted(self.forks) if self.iterations(k)}

    def median(self):
        return statistics.median(self.fork_values().values())

    def spread(self):
        values = self.fork_values().values()
        return min(values), max(values)

    def alloc_values(self):
        values = {}
        for k, entry in self.forks.items():
            metric = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            if metric:
                values[k] = metric["score"]
        return values

    def alloc(self):
        values = self.alloc_values()
        return statistics.median(values.values()) if values else None

    def speedup(self, a, b):
        """How much faster b ran than a (above 1: b was faster), whatever the unit."""
        if a <= 0 or b <= 0:
            return None
        return b / a if self.faster_is_higher else a / b

    def rising(self):
        """Median over forks of how much faster the last measured iteration ran than the first (1 = flat)."""
        rates = [self.speedup(its[0], its[-1]) for its in map(self.iterations, self.forks) if len(its) >= 2]
        rates = [r for r in rates if r is not None]
        return statistics.median(rates) if rates else None

    def unsettled(self):
        """Median over forks of how much faster the measured iterations (their median) ran than the last warm-up
        iteration: clearly above 1 means the warm-up ended before the contender stopped speeding up."""
        rates = [self.speedup(self.warmup[k][-1], statistics.median(self.iterations(k)))
                 for k in self.forks if self.warmup.get(k) and self.iterations(k)]
        rates = [r for r in rates if r is not None]
        return statistics.median(rates) if rates else None

    def trace(self):
        """Per iteration index, the median over forks: (warm-up scores, measured scores)."""
        def column(series):
            width = max((len(s) for s in series), default=0)
            return [statistics.median([s[i] for s in series if len(s) > i]) for i in range(width)]

        return (column([self.warmup[k] for k in self.forks if self.warmup.get(k)]),
                column([self.iterations(k) for k in self.forks]))

    def extra(self, field):
        """Median over forks of a per-fork figure computed from the fork's Redis extra line."""
        values = [v for v in (field(row) for row in self.extras.values()) if v is not None]
        return statistics.median(values) if values else None


class Ratio:
    """a / b paired by fork: the median of the per-fork ratios and their min-max."""

    def __init__(self, values):
        self.values = values
        self.median = statistics.median(values)
        self.low, self.high = min(values), max(values)

    def met(self, test):
        return sum(1 for v in self.values if test(v))


def paired(a, b):
    if a is None or b is None:
        return None
    va, vb = a.fork_values(), b.fork_values()
    values = [va[k] / vb[k] for k in sorted(set(va) & set(vb)) if vb[k]]
    return Ratio(values) if values else None


def cpu_paired(a, b):
    """a's Redis CPU per decision / b's, paired by fork."""
    if a is None or b is None:
        return None
    values = []
    for k in sorted(set(a.extras) & set(b.extras)):
        ca, cb = server_cpu_usec(a.extras[k]), server_cpu_usec(b.extras[k])
        if ca is not None and cb:
            values.append(ca / cb)
    return Ratio(values) if values else None


def rtxt(r, bold=False):
    if r is None:
        return "—"
    head = f"**{r.median:.2f}×**" if bold else f"{r.median:.2f}×"
    return f"{head} ({r.low:.2f}–{r.high:.2f})"


def parse_name(stem):
    """jdk17-t1.RedisBenchmark.inFlight=8,keys=100k.redis_ours.f3 -> (jdk, threads, class, params, method, fork)."""
    parts = stem.split(".")
    lane, cls, method, fork = parts[0], parts[1], parts[-2], int(parts[-1][1:])
    jdk, threads = lane[len("jdk"):].split("-t")
    combo = ".".join(parts[2:-2])
    params = {} if combo == "none" else dict(pair.split("=", 1) for pair in combo.split(","))
    return jdk, int(threads), cls, params, method, fork


def jsonl(path):
    """Lines of a JSON-lines file by invocation; a line written later (a re-run under --resume) wins."""
    rows = {}
    if os.path.exists(path):
        for line in open(path):
            if line.strip():
                row = json.loads(line)
                rows[row["invocation"]] = row
    return rows


def numbers(text):
    values = []
    for token in (text or "").split():
        try:
            values.append(float(token.replace(",", ".")))
        except ValueError:
            pass
    return values


def load(data):
    memory, redis, cap, runs = {}, {}, {}, {}
    for suite in SUITES:
        folder = os.path.join(data, suite)
        if not os.path.isdir(folder):
            continue
        if os.path.exists(os.path.join(folder, "run.json")):
            runs[suite] = json.load(open(os.path.join(folder, "run.json")))
        invocations = jsonl(os.path.join(folder, "invocations.jsonl"))
        extras = jsonl(os.path.join(folder, "extra.jsonl"))
        for path in sorted(glob.glob(os.path.join(folder, "jdk*.f*.json"))):
            stem = os.path.basename(path)[:-len(".json")]
            jdk, threads, cls, params, method, fork = parse_name(stem)
            entries = json.load(open(path))
            if len(entries) != 1:
                sys.exit(f"{path}: expected one JMH result, found {len(entries)}")
            entry = entries[0]
            if (not entry["benchmark"].endswith(f".{cls}.{method}") or entry.get("params", {}) != params
                    or entry["threads"] != threads):
                sys.exit(f"{path}: its name does not match its content ({entry['benchmark']}, {entry.get('params')},"
                         f" {entry['threads']} threads)")
            if suite == "cap":
                key = (jdk, params["maxKeys"])
                target = cap
            elif suite == "memory":
                scenario, variant = method.split("_", 1)
                key = (jdk, scenario, params.get("keys", "one"), threads, params.get("load"), variant)
                target = memory
            else:
                variant = method.split("_", 1)[1]
                key = (jdk, variant, params.get("keys"), params.get("inFlight"))
                target = redis
            cell = target.setdefault(key, Cell())
            cell.add(fork, entry)
            if stem in invocations:
                cell.warmup[fork] = numbers(invocations[stem].get("warmup"))
            if stem in extras:
                cell.extras[fork] = extras[stem]
    return memory, redis, cap, runs


def fmt(value, digits=1):
    if value is None:
        return "—"
    if value >= 10000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def commands_per_decision(extra, only=None):
    if not extra or not extra.get("decisions"):
        return None
    calls = sum(n for name, n in extra["commands"].items()
                if not name.startswith("_") and (only is None or name in only))
    return calls / extra["decisions"]


def server_cpu_usec(extra):
    """The redis-server process's CPU (user + system, INFO cpu) per decision: sockets included, nothing twice."""
    decisions = extra.get("decisions") or 0
    cpu = extra["commands"].get("_cpu_us")
    return cpu / decisions if decisions and cpu is not None else None


def cell_text(cell, unit, digits=1):
    low, high = cell.spread()
    return f"{fmt(cell.median(), digits)} {unit} ({fmt(low, digits)}–{fmt(high, digits)})"


def memory_section(memory, jdk, scenario, keys, title, peers):
    lines = [f"#### {title} — JDK {jdk}", "",
             "| contender | " + " | ".join(f"{t} thread{'s' if t > 1 else ''}, {l}" for t, l in CONFIGS) + " |",
             "|---|" + "---:|" * len(CONFIGS)]
    for variant in OURS + peers:
        cells = []
        for threads, load_ in CONFIGS:
            cell = memory.get((jdk, scenario, keys, threads, load_, variant))
            if cell is None:
                cells.append("—")
                continue
            text = f"{cell_text(cell, 'ns')}, {fmt(cell.alloc(), 0)} B"
            if variant in OURS:
                b4j = memory.get((jdk, scenario, keys, threads, load_, "bucket4j"))
                text += f", {rtxt(paired(cell, b4j), bold=True)} b4j"
            cells.append(text)
        lines.append(f"| {label(variant)} | " + " | ".join(cells) + " |")
    lines += ["", "Our token bucket's ns/op ÷ each peer's, paired by fork (below 1 is faster than the peer):", "",
              "| vs | " + " | ".join(f"{t}t {l}" for t, l in CONFIGS) + " |",
              "|---|" + "---:|" * len(CONFIGS)]
    for peer in peers:
        cells = [rtxt(paired(memory.get((jdk, scenario, keys, t, l, "tokenBucket")),
                             memory.get((jdk, scenario, keys, t, l, peer)))) for t, l in CONFIGS]
        lines.append(f"| {label(peer)} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def redis_section(redis, jdk):
    lines = [f"#### Redis — JDK {jdk}: admitted decisions per second (range of the fork medians), p50 / p99 latency,"
             " Redis commands per decision", "",
             "| contender | keys | " + " | ".join(f"{w} in flight" for w in WINDOWS) + " |",
             "|---|---|" + "---:|" * len(WINDOWS)]
    for keys in ["100k", "hot"]:
        for variant in REDIS_VARIANTS:
            cells = []
            for window in WINDOWS:
                cell = redis.get((jdk, variant, keys, window))
                if cell is None:
                    cells.append("—")
                    continue
                text = cell_text(cell, "ops/s", 0)
                if cell.extras:
                    p50, p99 = cell.extra(lambda e: e.get("p50_us")), cell.extra(lambda e: e.get("p99_us"))
                    text += (f"; {fmt(p50, 0)} / {fmt(p99, 0)} µs; {fmt(cell.extra(commands_per_decision), 2)} cmd,"
                             f" {fmt(cell.extra(server_cpu_usec))} µs Redis CPU")
                cells.append(text)
            lines.append(f"| {label(variant)} | {keys} | " + " | ".join(cells) + " |")
    lines += ["", "Our engine's ops/s ÷ each contender's, paired by fork (above 1 is faster):", "",
              "| ours vs | keys | " + " | ".join(f"{w} in flight" for w in WINDOWS) + " |",
              "|---|---|" + "---:|" * len(WINDOWS)]
    for keys in ["100k", "hot"]:
        for other in ["bucket4j", "bucket4jBatching", "evalsha"]:
            cells = [rtxt(paired(redis.get((jdk, "ours", keys, w)), redis.get((jdk, other, keys, w))))
                     for w in WINDOWS]
            lines.append(f"| {label(other)} | {keys} | " + " | ".join(cells) + " |")
        cells = [rtxt(paired(redis.get((jdk, "multiLimit", keys, w)), redis.get((jdk, "ours", keys, w))))
                 for w in WINDOWS]
        lines.append(f"| (2 limits ÷ 1 limit) | {keys} | " + " | ".join(cells) + " |")
    flood = redis.get((jdk, "deniedFlood", None, None))
    if flood:
        cmds = flood.extra(commands_per_decision)
        scripts = flood.extra(lambda e: commands_per_decision(e, {"evalsha", "eval"}))
        lines += ["", f"Denied flood (one key, 100 per second, 64 in flight): {cell_text(flood, 'decisions/s', 0)},"
                  f" {fmt(cmds or 0, 4)} Redis commands per decision ({fmt(scripts or 0, 4)} script calls),"
                  f" medians over {len(flood.forks)} forks."]
    lines.append("")
    return lines


def cap_section(cap):
    """The key cap: a new key's decision at the cap, by percentile of its sampled times."""
    names = {"50.0": "p50", "99.0": "p99", "99.9": "p99.9", "99.99": "p99.99", "100.0": "max"}
    lines = ["## At the key cap", "",
             "`cap.KeyCapBenchmark`: the in-memory engine held at its key cap with a new key on every decision, so"
             " every decision evicts (denied-profile keys: none turns fresh). JMH sample time: each fork's percentiles"
             " over its measured iterations; a cell is the median over forks with their min–max. Eviction looks at a"
             " sample of 16 keys per new key, so p50 and p99 should not grow with the cap; the maximum is set by"
             " young-generation GC pauses of the fork (10–20 ms on this machine's 2 cores with 100k live entries,"
             " seen with `-Xlog:gc`), not by eviction.", "",
             "| maxKeys | forks | mean | " + " | ".join(names[p] for p in CAP_PERCENTILES) + " |",
             "|---:|---:|---:|" + "---:|" * len(CAP_PERCENTILES)]

    def text(values):
        return " ".join([f"{fmt(statistics.median(values) / 1000, 2)} µs",
                         f"({fmt(min(values) / 1000, 2)}–{fmt(max(values) / 1000, 2)})"])

    for (jdk, max_keys), cell in sorted(cap.items(), key=lambda item: (int(item[0][0]), int(item[0][1]))):
        entries = list(cell.forks.values())
        means = [e["primaryMetric"]["score"] for e in entries]
        cells = [text([e["primaryMetric"]["scorePercentiles"][p] for e in entries]) for p in CAP_PERCENTILES]
        lines.append(f"| {int(max_keys):,} | {len(entries)} | {text(means)} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def describe(key):
    if len(key) == 2:
        return f"JDK {key[0]}, key cap {int(key[1]):,}: a new key per decision"
    if len(key) == 6:
        jdk, scenario, keys, threads, load_, variant = key
        where = "one limiter" if scenario == "single" else f"keyed, {keys} keys"
        return f"JDK {jdk}, {where}, {threads} thread{'s' if threads > 1 else ''}, {load_}: {label(variant)}"
    jdk, variant, keys, window = key
    where = {"100k": "100k keys", "hot": "hot key", None: "one key"}.get(keys, f"keys={keys}")
    return f"JDK {jdk}, Redis, {where}, {window or 64} in flight: {label(variant)}"


def warmup_section(memory, redis, cap):
    """Whether the cells had settled: Redis traces iteration by iteration, and every cell still speeding up."""
    lines = ["## Warm-up", "",
             "JMH's JSON keeps only measured iterations; run.sh keeps the warm-up ones. Redis: the median over forks of"
             " each iteration in thousands of ops/s (warm-up \\| measured); then, as medians over forks, how much faster"
             " the measured iterations ran than the last warm-up iteration (their median ÷ it; about 1 = the warm-up"
             " reached the steady state) and the last measured iteration ÷ the first.", "",
             "| contender | keys | in flight | iterations, k ops/s: warm-up \\| measured | measured ÷ last warm-up |"
             " measured last ÷ first |",
             "|---|---|---:|---|---:|---:|"]

    def order(item):
        (jdk, variant, keys, window), _ = item
        return (int(jdk), keys is None, str(keys), int(window or 0),
                REDIS_VARIANTS.index(variant) if variant in REDIS_VARIANTS else 99)

    def ratio_text(value):
        return "—" if value is None else f"{value:.2f}"

    for (jdk, variant, keys, window), cell in sorted(redis.items(), key=order):
        warm, measured = cell.trace()
        series = " ".join(f"{v / 1000:.1f}" for v in warm) + " \\| " + " ".join(f"{v / 1000:.1f}" for v in measured)
        lines.append(f"| {label(variant)} | {keys or 'one'} | {window or '64'} | {series.strip()} |"
                     f" {ratio_text(cell.unsettled())} | {ratio_text(cell.rising())} |")
    cells = list(memory.items()) + list(redis.items()) + list(cap.items())
    unsettled = sorted(((cell.unsettled(), describe(key)) for key, cell in cells
                        if (cell.unsettled() or 0) > STILL_RISING), reverse=True)
    lines += ["", f"Cells whose measured iterations ran more than {STILL_RISING - 1:.0%} faster than their last warm-up"
              f" iteration (median over forks), i.e. still warming up: {len(unsettled)} of {len(cells)}"
              + (":" if unsettled else ".")]
    for value, name in unsettled[:15]:
        lines.append(f"- {name}: {value:.2f}×")
    if len(unsettled) > 15:
        lines.append(f"- and {len(unsettled) - 15} more")
    lines.append("")
    return lines


def goal_rows(memory, redis, jdks):
    rows = []

    def add(goal, measured, spread, target, ok, met, forks):
        verdict = "met" if ok else "**missed**"
        rows.append(f"| {goal} | {measured} | {spread} | {target} | {verdict} | {met} of {forks} |")

    def ratio_goal(goal, r, target, test):
        if r is not None:
            add(goal, f"{r.median:.2f}×", f"{r.low:.2f}–{r.high:.2f}×", target, test(r.median), r.met(test),
                len(r.values))

    def value_goal(goal, values, unit, digits, target, test):
        if values:
            median = statistics.median(values)
            add(goal, f"{median:.{digits}f} {unit}", f"{min(values):.{digits}f}–{max(values):.{digits}f}", target,
                test(median), sum(1 for v in values if test(v)), len(values))

    for jdk in jdks:
        for scenario, keys, name in [("single", "one", "one limiter vs one bucket"),
                                     ("keyed", "100k", "engine vs bucket map, 100k keys"),
                                     ("keyed", "hot", "engine vs bucket map, hot key")]:
            for threads, load_ in CONFIGS:
                r = paired(memory.get((jdk, scenario, keys, threads, load_, "tokenBucket")),
                           memory.get((jdk, scenario, keys, threads, load_, "bucket4j")))
                ratio_goal(f"JDK {jdk}: {name}, {threads} thread{'s' if threads > 1 else ''}, {load_}: ours ÷ bucket4j",
                           r, "≤ 0.80×", lambda v: v <= 0.8)
        for load_ in ["admitted", "denied"]:
            single = memory.get((jdk, "single", "one", 1, load_, "tokenBucket"))
            if single:
                value_goal(f"JDK {jdk}: one limiter, 1 thread, {load_}", list(single.fork_values().values()),
                           "ns/op", 1, "≤ 50 ns/op", lambda v: v <= 50)
                value_goal(f"JDK {jdk}: one limiter, 1 thread, {load_}", list(single.alloc_values().values()),
                           "B/op", 0, "≤ 48 B/op", lambda v: v <= 48.5)
    for jdk in sorted({k[0] for k in redis}, key=int):
        for keys in ["100k", "hot"]:
            for window, target in [("1", 2.0), ("8", 1.5), ("64", 1.5)]:
                if keys == "hot" and window != "1":  # one call at a time: nothing contends, nothing to batch
                    target = 20.0
                where = "100k random keys" if keys == "100k" else "admitted hot key"
                ratio_goal(f"Redis, {where}, {window} in flight: ours ÷ bucket4j",
                           paired(redis.get((jdk, "ours", keys, window)), redis.get((jdk, "bucket4j", keys, window))),
                           f"≥ {target:g}×", lambda v, t=target: v >= t)
        for window in WINDOWS:
            ratio_goal(f"Redis, hot key, {window} in flight: ours ÷ bucket4j with batching",
                       paired(redis.get((jdk, "ours", "hot", window)),
                              redis.get((jdk, "bucket4jBatching", "hot", window))), "≥ 1×", lambda v: v >= 1)
        for keys in ["100k", "hot"]:
            for window in WINDOWS:
                ratio_goal(f"Redis, {keys} keys, {window} in flight: ours ÷ raw EVALSHA floor",
                           paired(redis.get((jdk, "ours", keys, window)), redis.get((jdk, "evalsha", keys, window))),
                           "≥ 0.8×", lambda v: v >= 0.8)
        for keys in ["100k", "hot"]:
            for window in WINDOWS:
                ratio_goal(f"Redis, {keys} keys, {window} in flight: Redis CPU per decision, ours ÷ bucket4j",
                           cpu_paired(redis.get((jdk, "ours", keys, window)), redis.get((jdk, "bucket4j", keys, window))),
                           "≤ 1×", lambda v: v <= 1)
        flood = redis.get((jdk, "deniedFlood", None, None))
        if flood and flood.extras:
            values = [v for v in (commands_per_decision(e) for e in flood.extras.values()) if v is not None]
            value_goal("Redis: denied flood on one key", values, "commands/decision", 4, "≤ 0.01", lambda v: v <= 0.01)
    return rows


def chart(memory, redis, jdk, path):
    """Two panels: in-memory ns/op (one limiter, 1 thread) and Redis ops/s relative to the EVALSHA floor; every
    bar is a median over forks and its whisker the min-max (fork medians, or per-fork ratios)."""
    bars1 = []
    for load_ in ["admitted", "denied"]:
        for variant in OURS + PEERS:
            cell = memory.get((jdk, "single", "one", 1, load_, variant))
            if cell:
                bars1.append((f"{label(variant)} · {load_}", cell.median(), *cell.spread(), variant in OURS))
    bars2 = []
    redis_jdk = min((k[0] for k in redis), key=int, default=jdk)
    for keys in ["100k", "hot"]:
        for window in WINDOWS:
            floor = redis.get((redis_jdk, "evalsha", keys, window))
            for variant in ["ours", "bucket4j", "bucket4jBatching"]:
                r = paired(redis.get((redis_jdk, variant, keys, window)), floor)
                if r:
                    bars2.append((f"{label(variant)} · {keys} · {window} in flight", r.median, r.low, r.high,
                                  variant == "ours"))
    width, label_w, bar_h, gap = 900, 330, 16, 4
    panels = [(f"In memory, one limiter, 1 thread, JDK {jdk}: ns/op (shorter is faster; whisker = fork range)",
               bars1, "ns"),
              (f"Redis, JDK {redis_jdk}: ops/s ÷ raw EVALSHA floor, paired by fork (longer is faster; line = floor;"
               " whisker = fork range)", bars2, "×")]
    height = sum(40 + len(b) * (bar_h + gap) for _, b, _ in panels) + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>']
    y = 20
    for title, bars, unit in panels:
        out.append(f'<text x="10" y="{y}" font-size="13" font-weight="bold">{title}</text>')
        y += 15
        top = max([high for _, _, _, high, _ in bars] + [1.0])
        scale = (width - label_w - 90) / top
        if unit == "×":
            x1 = label_w + scale
            out.append(f'<line x1="{x1:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y + len(bars) * (bar_h + gap)}" '
                       f'stroke="#555" stroke-dasharray="4 3"/>')
        for name, value, low, high, ours in bars:
            colour = "#2b7bba" if ours else "#bbbbbb"
            mid = y + bar_h / 2
            out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{name}</text>')
            out.append(f'<rect x="{label_w}" y="{y}" width="{max(1, value * scale):.1f}" height="{bar_h}" '
                       f'fill="{colour}"/>')
            out.append(f'<line x1="{label_w + low * scale:.1f}" y1="{mid}" x2="{label_w + high * scale:.1f}" '
                       f'y2="{mid}" stroke="#222"/>')
            for end in (low, high):
                out.append(f'<line x1="{label_w + end * scale:.1f}" y1="{mid - 4}" x2="{label_w + end * scale:.1f}" '
                           f'y2="{mid + 4}" stroke="#222"/>')
            text = f"{value:.2f}×" if unit == "×" else f"{value:.1f} ns"
            out.append(f'<text x="{label_w + max(value, high) * scale + 4:.1f}" y="{y + 12}">{text}</text>')
            y += bar_h + gap
        y += 25
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def run_lines(runs):
    lines = []
    for suite in SUITES:
        run = runs.get(suite)
        if not run:
            continue
        name = {"memory": "In memory", "redis": "Redis", "cap": "Key cap"}[suite]
        lines += [f"- {name}: {run.get('date', '?')}, {run.get('minutes', '?')} minutes,"
                  f" {run.get('invocations', '?')} invocations{' (resumed)' if run.get('resumed') else ''};"
                  f" JDKs {run.get('jdks', '?')}; threads {run.get('threads', '?')}; load average (1/5/15 min)"
                  f" {run.get('load_start', '?')} at start, {run.get('load_end', '?')} at end",
                  f"  - Profile: {run.get('profile', '?')}"]
    machine = next((run["machine"] for run in runs.values() if "machine" in run), "?")
    return [f"- Machine: {machine}"] + lines


def main():
    data, page, svg = sys.argv[1:4]
    memory, redis, cap, runs = load(data)
    jdks = sorted({k[0] for k in memory}, key=int)
    chart(memory, redis, jdks[0] if jdks else "17", svg)
    rel_svg = os.path.relpath(svg, os.path.dirname(page))
    rel_data = os.path.relpath(data, os.path.dirname(page))
    forks = sorted({len(c.forks) for c in list(memory.values()) + list(redis.values())})
    lines = ["# Limiter hot paths against their peers (JMH)", "",
             "Generated by `jmh-benchmarks/render.py` from the JMH JSON in "
             f"[`{rel_data}/`]({rel_data}/), one file per fork; reproduce with `jmh-benchmarks/run.sh` (full,"
             " `--suite memory|redis` for one suite) or `jmh-benchmarks/run.sh --quick` (smoke).", "",
             "**How the figures were made.** Every fork is its own JMH invocation of one benchmark method with one"
             " parameter set, and within a fork the contenders of a parameter set run back to back, in an order"
             " rotated by one place every fork (A B C D, then B C D A, …), so each contender meets the same machine"
             " states. A cell is the median over forks of each fork's median iteration, with the range of those fork"
             " medians in brackets; a ratio is computed within each fork (ours in fork k ÷ the peer in fork k) and"
             " given as the median of the per-fork ratios with their min–max in brackets."
             f" Forks per cell in this run: {', '.join(map(str, forks)) or '—'}.", "",
             "## Run", ""]
    lines += run_lines(runs)
    lines += ["- Peers: bucket4j `_jdk17` 8.19.0 (core and Lettuce), resilience4j 2.4.0, Guava 33.8.0-jre;"
              " redis-server started privately by each trial; Lettuce 6.8.2.",
              "- ns/op comes with `-prof gc` allocation per operation (B, median over forks). Every fork runs on a"
              " fixed, pre-touched heap (`-Xms256m -Xmx256m -XX:+AlwaysPreTouch`): on this VM, memory the JVM"
              " touches for the first time costs ~2.7 ns per allocated byte, and whether a fork paid it decided"
              " whether it ran at ~50 or ~170–330 ns/op.", "",
              f"![chart]({rel_svg})", "",
              "## Goals", "",
              "A ratio goal is judged on the median of the per-fork ratios (ours and bucket4j paired by fork);"
              " the range is the lowest and highest per-fork ratio, and the last column counts the forks that met"
              " the target on their own. An absolute goal is judged on the median of the fork medians.",
              "", "| goal | measured (median) | range over forks | target | | forks meeting it |",
              "|---|---|---|---|---|---|"]
    lines += goal_rows(memory, redis, jdks)
    if memory:
        lines += ["", "## In memory", ""]
    for jdk in jdks:
        lines += memory_section(memory, jdk, "single", "one", "One limiter (one key) vs one bucket", PEERS)
        lines += memory_section(memory, jdk, "keyed", "100k",
                                "Keyed engine, 100k random keys, vs bucket4j buckets in a map", ["bucket4j", "baseline"])
        lines += memory_section(memory, jdk, "keyed", "hot", "Keyed engine, one hot key, vs bucket4j buckets in a map",
                                ["bucket4j", "baseline"])
    if redis:
        lines += ["## Redis", "",
                  "One JMH thread keeps a bounded window of asynchronous calls in flight against a private"
                  " redis-server on the same 2 cores; every call is admitted (10^9 per second) except in the denied"
                  " flood. p50/p99 from an HdrHistogram of submission-to-answer times; commands per decision from"
                  " `INFO commandstats`, which also counts the commands a script runs (our script: EVALSHA + TIME +"
                  " HMGET + HSET + PEXPIRE = 5 per call; bucket4j: GET + EVAL + the script's GET and SET/PSETEX);"
                  " Redis CPU per decision from `INFO cpu` (the server process's user + system time over the"
                  " measured iterations ÷ decisions: reading and answering the sockets included, a script's"
                  " commands counted once); each a median over forks.", ""]
        for jdk in sorted({k[0] for k in redis}, key=int):
            lines += redis_section(redis, jdk)
    if cap:
        lines += cap_section(cap)
    lines += warmup_section(memory, redis, cap)
    notes = os.path.join(data, "notes.md")
    if os.path.exists(notes):
        lines += ["## Closing note", "", open(notes).read().strip(), ""]
    with open(page, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
