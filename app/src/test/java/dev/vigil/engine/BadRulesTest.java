package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.check.HttpChecker;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.rules.Monitor;
import dev.vigil.config.RuleProblem;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.SqliteStore;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken rules: refused with file and line, in a small heap; a bad hot edit keeps the last good rules. */
class BadRulesTest {
  @TempDir Path data;
  @TempDir Path rulesDir;

  @Test
  void aBadEditDuringHotReloadKeepsTheLastGoodRulesWatchingAndSaysWhy() throws Exception {
    try (LoopbackFleet fleet = LoopbackFleet.start();
        SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      Path file = rulesDir.resolve("fleet.yaml");
      Files.writeString(file, "monitors:\n  - id: web\n    url: %s\n    interval: 1s\n    timeout: 1s\n"
          .formatted(fleet.url("web")));
      RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
      try (Engine engine = new Engine(loaded.rules(), store, HttpChecker.create(Clock.systemUTC()), new QuartzScheduler(),
          Clock.systemUTC())) {
        engine.start();
        List<List<RuleProblem>> refused = new CopyOnWriteArrayList<>();
        RulesWatcher watcher = new RulesWatcher(rulesDir, Map.of(), engine, refused::add);

        Files.writeString(file, "monitors:\n  - id: web\n    url: %s\n    interval: 1s\n    timeout: 1s\n  - !!javax.script.ScriptEngineManager [x]\n"
            .formatted(fleet.url("web")));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        watcher.poll();

        assertThat(refused).singleElement().satisfies(problems -> assertThat(problems).extracting(RuleProblem::format)
            .containsExactly(file + ":6:5: custom tag \"!!javax.script.ScriptEngineManager\" is not allowed"));
        assertThat(engine.rules().monitors()).extracting(Monitor::id).containsExactly("web");
        long hits = fleet.hits("web");
        await().atMost(Duration.ofSeconds(4)).until(() -> fleet.hits("web") >= hits + 2);
        assertThat(engine.status()).as("still watching, and saying the edit was refused").isEqualTo(WatchStatus.WATCHING.withReloadProblems(1));

        Files.writeString(file, "monitors:\n  - id: web\n    url: %s\n    interval: 1s\n    timeout: 1s\n  - id: api\n    url: %s\n    interval: 1s\n    timeout: 1s\n"
            .formatted(fleet.url("web"), fleet.url("api")));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        watcher.poll();
        assertThat(engine.rules().monitors()).extracting(Monitor::id).containsExactly("web", "api");
        assertThat(engine.lastReload().applied()).isTrue();
        assertThat(engine.status().reloadProblems()).isZero();
        await().atMost(Duration.ofSeconds(4)).until(() -> fleet.hits("api") >= 1);
      }
    }
  }

  @Test
  void hostileRulesAreRefusedWithFileAndLineByValidateInA64MegabyteHeap() throws Exception {
    Files.writeString(rulesDir.resolve("a-tag.yaml"),
        "monitors: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
    }
    Files.writeString(rulesDir.resolve("b-aliases.yaml"), bomb);
    Files.writeString(rulesDir.resolve("c-deep.yaml"), "monitors: " + "[".repeat(100_000));
    try (BufferedWriter w = Files.newBufferedWriter(rulesDir.resolve("d-huge.yaml"))) {
      String line = "# " + "x".repeat(1022) + "\n";
      for (int i = 0; i < 50 * 1024; i++) w.write(line);
    }

    Path out = data.resolve("validate.out");
    long start = System.nanoTime();
    Path loaded = data.resolve("classes.log");
    Process validate = ChildVigil.command(out, List.of("-Xmx64m", "-Xlog:class+load:file=" + loaded), Map.of(),
        List.of("validate", "--rules", rulesDir.toString()));
    assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(validate.exitValue()).isEqualTo(1);
    assertThat(Files.readAllLines(out)).containsExactly(
        rulesDir.resolve("a-tag.yaml") + ":1:11: custom tag \"!!javax.script.ScriptEngineManager\" is not allowed",
        rulesDir.resolve("b-aliases.yaml") + ":2:8: YAML aliases (*a) are not supported: write the value out",
        rulesDir.resolve("c-deep.yaml") + ":1:110: nested deeper than 100 levels",
        rulesDir.resolve("d-huge.yaml") + ":1:1: file is larger than 8 MiB; refused");
    List<String> classes = Files.readAllLines(loaded);
    assertThat(classes).as("validate starts lean: no logging framework, no other command, no database")
        .noneMatch(c -> c.contains(" ch.qos.logback.") || c.contains(" dev.vigil.cli.RunCommand ")
            || c.contains(" org.sqlite.") || c.contains(" org.flywaydb."));
    System.out.println("hostile rules: validate in -Xmx64m took " + took.toMillis() + " ms, JVM start included, "
        + classes.size() + " classes loaded");
  }
}
