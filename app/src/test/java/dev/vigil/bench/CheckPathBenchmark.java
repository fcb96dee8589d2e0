package dev.vigil.bench;

import dev.vigil.check.CheckRequest;
import dev.vigil.check.HttpChecker;
import dev.vigil.check.Observation;
import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.ConditionSyntaxException;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.state.MonitorTracker;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One steady check, stage by stage, in microseconds each: the HTTP call through {@link HttpChecker} to a service
 * on loopback (kept-alive connection, status only, as {@code vigil bench}'s monitors), its evaluation, the
 * monitor's thresholds, and its row in the store ({@value #BATCH} checks a transaction, as the pipeline commits a
 * second of results at 167 checks/s). {@code vigil bench} gives the same path all in, against its floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"})
public class CheckPathBenchmark {
  static final int BATCH = 167;

  LoopbackFleet fleet;
  HttpChecker checker;
  CheckRequest request;
  Observation observation;
  List<Condition> expect;
  MonitorTracker tracker;
  Path dir;
  SqliteStore store;
  Instant at = Instant.parse("2026-11-25T03:00:00Z");

  @Setup(Level.Trial)
  public void start() throws IOException, ConditionSyntaxException {
    fleet = LoopbackFleet.start();
    checker = HttpChecker.create(Clock.systemUTC());
    request = new CheckRequest("svc", fleet.url("svc"), Duration.ofSeconds(5), Map.of(), false,
        CheckRequest.DEFAULT_BODY_CAP, false);
    observation = checker.check(request).join();
    expect = List.of(ConditionParser.parse("status == 200"));
    tracker = new MonitorTracker(2, 1, Duration.ofSeconds(30), false);
    dir = Files.createTempDirectory("vigil-jmh-check");
    store = SqliteStore.open(dir, Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    checker.close();
    fleet.close();
    store.close();
    dev.vigil.os.FileTree.delete(dir);
  }

  @Benchmark
  public Observation http() {
    return checker.check(request).join();
  }

  @Benchmark
  public Verdict evaluate() {
    return Evaluator.evaluate(observation, expect);
  }

  @Benchmark
  public MonitorTracker.Step state() {
    return tracker.observe(true);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object store() {
    at = at.plusSeconds(1);
    return store.transaction(tx -> {
      for (int i = 0; i < BATCH; i++) tx.recordCheck("svc-" + i, at, true, Duration.ofMillis(2));
      return null;
    });
  }
}
