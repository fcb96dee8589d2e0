package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.store.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary secret in the environment, used in a monitor's header and URL query, never lands anywhere Vigil
 * writes: logs, stderr, the database and its -wal, backups, {@code vigil history --json}. And what Vigil
 * writes is its owner's only.
 */
class SecretsTest {
  static final String CANARY = "canary-7f3a9c1e5b";
  @TempDir Path base;

  @Test
  void aCanarySecretAppearsNowhereVigilWritesAndItsFilesAreOwnerOnly() throws Exception {
    Path data = base.resolve("data");
    Path rules = Files.createDirectories(base.resolve("rules"));
    Path out = base.resolve("child.out");
    try (LoopbackFleet fleet = LoopbackFleet.start()) {
      fleet.set("pay", Behaviour.DOWN);
      Files.writeString(rules.resolve("pay.yaml"), """
          monitors:
            - id: pay
              url: %s?token=${env:CANARY}
              interval: 1s
              timeout: 1s
              confirm: 1
              headers: {Authorization: "Bearer ${env:CANARY}", X-Api-Key: "${env:CANARY}"}
            - id: pay-unknown-host
              url: http://nonexistent.invalid/health?token=${env:CANARY}
              interval: 1s
              timeout: 1s
              confirm: 1
              headers: {Authorization: "Bearer ${env:CANARY}"}
          """.formatted(fleet.url("pay")));
      Process child = ChildVigil.start(data, rules, out, List.of("-Dvigil.log.level=DEBUG"), Map.of("CANARY", CANARY));
      try {
        ChildVigil.awaitWatching(child, out, Duration.ofSeconds(60));
        try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
          await().atMost(Duration.ofSeconds(20)).until(() -> store.openAlerts().size() == 2);
        }
        // The first daily backup comes 5 s after start.
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.isDirectory(data.resolve("backups"))
            && Files.list(data.resolve("backups")).anyMatch(p -> p.toString().endsWith(".db")));
        // While it runs: the write-ahead log and shared memory files, before a clean stop folds them away.
        for (String sidecar : List.of("vigil.db-wal", "vigil.db-shm")) {
          Path file = data.resolve(sidecar);
          assertThat(file).exists();
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
          assertThat(mode(file)).as("mode of %s", file).isEqualTo("rw-------");
        }
      } finally {
        child.destroy();
        child.waitFor(10, TimeUnit.SECONDS);
        child.destroyForcibly().waitFor();
      }
      Path history = base.resolve("history.json");
      Process export = ChildVigil.command(history, List.of(), Map.of("CANARY", CANARY),
          List.of("history", "--json", "--data", data.toString()));
      assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(history)).contains("\"monitor\"").contains("pay-unknown-host");
      assertThat(fleet.hits("pay")).isPositive();

      List<Path> written = new ArrayList<>(List.of(out, history));
      try (Stream<Path> files = Files.walk(data)) {
        files.filter(Files::isRegularFile).forEach(written::add);
      }
      assertThat(written).extracting(p -> p.getFileName().toString())
          .contains("vigil.db", "vigil.log").anyMatch(n -> n.startsWith("vigil-") && n.endsWith(".db"));
      for (Path file : written) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("%s holds the canary", file).doesNotContain(CANARY);
      }

      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("backups"))).isEqualTo("rwx------");
      try (Stream<Path> files = Files.walk(data)) {
        // Every file Vigil made in its data folder (database, backups, token, lock, logs) is the user's alone.
        files.forEach(p -> assertThat(mode(p)).as("mode of %s", p).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
      }
    }
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
