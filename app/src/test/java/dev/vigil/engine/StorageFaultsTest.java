package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.check.HttpChecker;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.Backups;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage under the engine fails: locked by another process, full, damaged. Watching goes on; nothing is lost. */
class StorageFaultsTest {
  @TempDir Path base;
  Path data;
  Path rulesDir;
  LoopbackFleet fleet;
  final Clock clock = Clock.systemUTC();
  final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    data = base.resolve("data");
    rulesDir = Files.createDirectories(base.resolve("rules"));
    fleet = LoopbackFleet.start();
    fleet.set("payments", Behaviour.DOWN);
    fleet.set("chat", Behaviour.UP);
    Files.writeString(rulesDir.resolve("fleet.yaml"), """
        monitors:
          - id: payments
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 1
          - id: chat
            url: %s
            interval: 1s
            timeout: 1s
        """.formatted(fleet.url("payments"), fleet.url("chat")));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = closeAfter.size() - 1; i >= 0; i--) closeAfter.get(i).close();
    fleet.close();
  }

  @Test
  void whileAnotherProcessHoldsTheWriteLockForTenSecondsChecksGoOnAndEveryResultIsWrittenAfterwards() throws Exception {
    SqliteStore store = store();
    Engine engine = engine(store);
    Alert fired = await().atMost(Duration.ofSeconds(6)).until(store::openAlerts, l -> l.size() == 1).get(0);

    long hitsBefore = fleet.hits("payments");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      other.createStatement().execute("PRAGMA busy_timeout = 5000");
      other.createStatement().execute("BEGIN EXCLUSIVE");
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < until) {
        assertThat(engine.status()).isEqualTo(WatchStatus.WATCHING);
        Thread.sleep(500);
      }
      other.createStatement().execute("COMMIT");
    }
    assertThat(fleet.hits("payments") - hitsBefore).as("checks made while locked").isGreaterThanOrEqualTo(8);

    for (String monitor : List.of("payments", "chat")) {
      await().atMost(Duration.ofSeconds(15)).until(() -> recorded(store, monitor) == fleet.hits(monitor));
    }
    assertThat(store.find(fired.id()).orElseThrow().count()).isGreaterThanOrEqualTo(hitsBefore - 1 + 8);
    assertThat(store.openAlerts()).hasSize(1);
  }

  @Test
  void aFullDiskIsShownAsStorageDegradedWithinOneCheckAndWritingResumesWhenSpaceReturns() throws Exception {
    Path mount = Files.createDirectories(base.resolve("tmpfs"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
        "needs root to mount a small tmpfs");
    closeAfter.add(() -> run("umount", "-l", mount.toString()));
    data = mount.resolve("data");
    SqliteStore store = store();
    Engine engine = engine(store);
    await().atMost(Duration.ofSeconds(6)).until(store::openAlerts, l -> l.size() == 1);

    Path filler = mount.resolve("filler");
    fill(filler);
    fleet.set("chat", Behaviour.DOWN);
    // Each new alert and minute row needs pages the disk no longer has.
    await().atMost(Duration.ofSeconds(10)).until(() -> !engine.status().watching());
    assertThat(engine.status().reason()).startsWith("storage degraded: ").containsIgnoringCase("full");

    Files.delete(filler);
    await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().watching());
    await().atMost(Duration.ofSeconds(10)).until(() -> store.openAlerts().size() == 2);
    for (String monitor : List.of("payments", "chat")) {
      await().atMost(Duration.ofSeconds(15)).until(() -> recorded(store, monitor) == fleet.hits(monitor));
    }
  }

  @Test
  void aDamagedDatabaseAtStartIsMovedAsideAndWatchingResumesFromTheLatestBackup() throws Exception {
    try (SqliteStore store = SqliteStore.open(data, clock)) {
      Engine engine = engine(store);
      await().atMost(Duration.ofSeconds(6)).until(store::openAlerts, l -> l.size() == 1);
      engine.close();
      new Backups(data).daily(Instant.now(), clock.getZone()).orElseThrow();
    }
    try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"))) {
      db.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    try (RandomAccessFile raf = new RandomAccessFile(data.resolve("vigil.db").toFile(), "rw")) {
      raf.write(new byte[4096]);
    }

    Path out = base.resolve("child.out");
    Process child = ChildVigil.start(data, rulesDir, out, List.of());
    try {
      ChildVigil.awaitWatching(child, out, Duration.ofSeconds(60));
      assertThat(Files.readString(out)).containsPattern(
          "vigil run: the database .*vigil\\.db was damaged \\(.*\\); moved it to vigil\\.db\\.corrupt-\\d{8}-\\d{6}"
              + " and restored the latest backup vigil-\\d{4}-\\d{2}-\\d{2}\\.db; alerts and acknowledgements made after"
              + " that backup are only in the damaged copy");
      try (SqliteStore store = SqliteStore.open(data, clock)) {
        long before = store.openAlerts().get(0).count();
        await().atMost(Duration.ofSeconds(10)).until(() -> store.openAlerts().get(0).count() > before);
        assertThat(store.openAlerts()).hasSize(1);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("vigil\\.db\\.corrupt-\\d{8}-\\d{6}"));
    }
  }

  private static long recorded(SqliteStore store, String monitor) {
    Instant now = Instant.now();
    return store.checkStats(monitor, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))).stream()
        .mapToLong(s -> s.checks()).sum();
  }

  private static void fill(Path filler) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) out.write(chunk);
    } catch (IOException full) {
      // no space left: that is the point
    }
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private SqliteStore store() {
    SqliteStore s = SqliteStore.open(data, clock);
    closeAfter.add(s);
    return s;
  }

  private Engine engine(SqliteStore store) {
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();
    Engine engine = new Engine(loaded.rules(), store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    closeAfter.add(engine);
    engine.start();
    return engine;
  }
}
