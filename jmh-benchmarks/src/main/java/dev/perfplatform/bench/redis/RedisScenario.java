package dev.perfplatform.bench.redis;

import dev.perfplatform.bench.KeySpace;
import dev.perfplatform.bench.Profiles;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every Redis benchmark shares: one JMH thread drives a bounded window of asynchronous calls; an operation is
 * one call sent, so ops/s is decisions per second. Before the first iteration every key is called once (its state
 * then exists, as in a service that has been running). Each iteration starts with an empty window and fresh command
 * statistics and ends once every call has answered.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(jvmArgs = {Profiles.MIN_HEAP, Profiles.MAX_HEAP, Profiles.PRE_TOUCH})
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Threads(1)
public abstract class RedisScenario {

    private RedisRig rig;

    /** Starts the server and the contender the benchmark method {@code method} measures. */
    protected abstract RedisRig start(String method);

    @Setup(Level.Trial)
    public void startTrial(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        rig = start(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        rig.prefill();
    }

    @Setup(Level.Iteration)
    public void beginIteration() {
        rig.beginIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        rig.endIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void endTrial(BenchmarkParams params) {
        rig.report(params);
        rig.close();
    }

    /** Sends one call for the cursor's next key. */
    protected final void submit(KeySpace.Cursor cursor) {
        rig.submit(cursor);
    }
}
