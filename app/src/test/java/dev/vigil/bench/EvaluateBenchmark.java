package dev.vigil.bench;

import dev.vigil.check.Observation;
import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.ConditionSyntaxException;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Conditions evaluated per second against one observation: status, json path, body, and a monitor's whole set. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluateBenchmark {
  static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

  Observation up;
  List<Condition> status;
  List<Condition> json;
  List<Condition> bodyContains;
  List<Condition> bodyMatches;
  List<Condition> typical;

  @Setup
  public void parse() throws ConditionSyntaxException {
    up = new Observation(NOW, null, null, 200, Duration.ofMillis(12),
        Map.of("Content-Type", List.of("application/json")),
        "{\"status\":\"UP\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"},{\"name\":\"queue\",\"depth\":12}]}",
        false, null);
    status = List.of(ConditionParser.parse("status == 200"));
    json = List.of(ConditionParser.parse("json $.status == \"UP\""));
    bodyContains = List.of(ConditionParser.parse("body contains \"UP\""));
    bodyMatches = List.of(ConditionParser.parse("body matches /\"status\":\\s*\"UP\"/"));
    typical = List.of(
        ConditionParser.parse("status == 200"),
        ConditionParser.parse("latency < 800ms"),
        ConditionParser.parse("header Content-Type contains json"),
        ConditionParser.parse("json $.status == \"UP\""));
  }

  @Benchmark
  public Verdict status() {
    return Evaluator.evaluate(up, status);
  }

  @Benchmark
  public Verdict json() {
    return Evaluator.evaluate(up, json);
  }

  @Benchmark
  public Verdict bodyContains() {
    return Evaluator.evaluate(up, bodyContains);
  }

  @Benchmark
  public Verdict bodyMatches() {
    return Evaluator.evaluate(up, bodyMatches);
  }

  /** status + latency + header + json, as a typical monitor's expect list. */
  @Benchmark
  public Verdict typicalMonitor() {
    return Evaluator.evaluate(up, typical);
  }
}
