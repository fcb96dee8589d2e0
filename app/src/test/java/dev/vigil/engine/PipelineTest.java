package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the single writer commits: passing results together about once a second, anything else at once. */
class PipelineTest {
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void passingResultsAreCommittedTogetherWithoutANudgeAndAFailureDoesNotWaitBehindThem() throws Exception {
    List<String> committed = new CopyOnWriteArrayList<>();
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC());
        Pipeline pipeline = new Pipeline(store, (m, d) -> {}, (m, v) -> committed.add(m.id() + (v.passed() ? " ok" : " failed")))) {
      List<Monitor> monitors = monitors("a", "b", "c");
      pipeline.start(List.of());
      for (Monitor m : monitors) pipeline.submit(new Work.CheckDone(m, passed()));

      // nobody wakes the writer for these: it finds them within its routine wait
      await().atMost(Duration.ofSeconds(5)).until(() -> committed.size() == 3);
      assertThat(committed).containsExactlyInAnyOrder("a ok", "b ok", "c ok");

      pipeline.submit(new Work.CheckDone(monitors.get(0), failed()));
      await().atMost(Duration.ofMillis(Pipeline.ROUTINE_MILLIS - 200)).until(() -> committed.contains("a failed"));
    }
  }

  @Test
  void withNothingToCommitTheWriterParksUntilAResultComesAndCommitsItThen() throws Exception {
    List<String> committed = new CopyOnWriteArrayList<>();
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC());
        Pipeline pipeline = new Pipeline(store, (m, d) -> {}, (m, v) -> committed.add(m.id()))) {
      List<Monitor> monitors = monitors("a", "b");
      pipeline.start(List.of());
      await().atMost(Duration.ofSeconds(10)).until(pipeline::waitsForAResult); // no timer: parked until woken

      pipeline.submit(new Work.CheckDone(monitors.get(0), passed()));
      await().atMost(Duration.ofSeconds(5)).until(() -> committed.contains("a"));

      await().atMost(Duration.ofSeconds(10)).until(pipeline::waitsForAResult);
      pipeline.submit(new Work.CheckDone(monitors.get(1), passed()));
      await().atMost(Duration.ofSeconds(5)).until(() -> committed.contains("b"));
      assertThat(committed).containsExactly("a", "b");
    }
  }

  @Test
  void aCleanCloseCommitsThePassingResultsStillWaiting() throws Exception {
    List<String> committed = new CopyOnWriteArrayList<>();
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      Pipeline pipeline = new Pipeline(store, (m, d) -> {}, (m, v) -> committed.add(m.id()));
      pipeline.start(List.of());
      Thread.sleep(100); // the writer is in its routine wait
      for (Monitor m : monitors("a", "b")) pipeline.submit(new Work.CheckDone(m, passed()));

      pipeline.close();

      assertThat(committed).containsExactlyInAnyOrder("a", "b");
    }
  }

  private List<Monitor> monitors(String... ids) throws Exception {
    StringBuilder yaml = new StringBuilder("monitors:\n");
    for (String id : ids) yaml.append("  - id: ").append(id).append("\n    url: http://127.0.0.1:9/").append(id).append("\n");
    Files.writeString(rules.resolve("m.yaml"), yaml);
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.ok()).as("%s", loaded.problems()).isTrue();
    return loaded.rules().monitors();
  }

  private static Verdict passed() {
    return new Verdict(new Observation(Instant.now(), null, null, 200, Duration.ofMillis(3), Map.of(), "", false, null), true, null,
        "ok", List.of());
  }

  private static Verdict failed() {
    return new Verdict(Observation.failed(Instant.now(), FailureClass.CONNECT, "connection refused", Duration.ofMillis(1)), false,
        FailureClass.CONNECT, "connect: connection refused", List.of());
  }
}
