package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertJson;
import dev.vigil.check.HttpChecker;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dependsOn} on the real path: loopback HTTP servers, a real SQLite file, the alert JSON a user reads. */
class DependsOnEngineTest {
  @TempDir Path data;
  @TempDir Path rulesDir;
  final Clock clock = Clock.systemUTC();
  LoopbackFleet fleet;
  SqliteStore store;
  Engine engine;

  @AfterEach
  void stop() {
    if (engine != null) engine.close();
    if (store != null) store.close();
    if (fleet != null) fleet.close();
  }

  @Test
  void aServiceFailingWhileItsDatabaseFailsIsRecordedAsHeldByIt() throws Exception {
    fleet = LoopbackFleet.start();
    fleet.set("db", Behaviour.DOWN);
    fleet.set("api", Behaviour.DOWN);
    fleet.set("web", Behaviour.DOWN);
    Files.writeString(rulesDir.resolve("fleet.yaml"), """
        monitors:
          - {id: core-db, url: "%s", interval: 1s, timeout: 1s, confirm: 3}
          - {id: api, url: "%s", interval: 1s, timeout: 1s, confirm: 2, dependsOn: [core-db]}
          - {id: web, url: "%s", interval: 1s, timeout: 1s, confirm: 2, dependsOn: [api]}
        """.formatted(fleet.url("db"), fleet.url("api"), fleet.url("web")));
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();
    store = SqliteStore.open(data, clock);
    engine = new Engine(loaded.rules(), store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    engine.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> store.openAlerts().size() == 3);
    Map<String, String> heldBy = new java.util.TreeMap<>();
    for (Alert a : store.openAlerts()) heldBy.put(a.monitor(), String.valueOf(a.heldBy()));
    assertThat(heldBy).as("the root cause, not the nearest parent").isEqualTo(Map.of("core-db", "null", "api", "core-db", "web", "core-db"));
    Alert web = store.openAlerts().stream().filter(a -> a.monitor().equals("web")).findFirst().orElseThrow();
    assertThat(new AlertJson(ZoneOffset.UTC).write(web).get("heldBy").asText()).isEqualTo("core-db");
    assertThat(store.timeline(web.id())).anySatisfy(e -> assertThat(e.note()).isEqualTo("held: core-db is down"));
  }

  @Test
  void anAlertmanagerAlertMatchingTheSourcesLabelsIsHeldByTheFailingDatabase() throws Exception {
    fleet = LoopbackFleet.start();
    fleet.set("db", Behaviour.DOWN);
    Files.writeString(rulesDir.resolve("fleet.yaml"), """
        monitors:
          - {id: core-db, url: "%s", interval: 1s, timeout: 1s}
        sources:
          - id: team-am
            alertmanager: http://127.0.0.1:1
            dependsOn: [core-db]
            dependsOnMatch: {cluster: db1}
        """.formatted(fleet.url("db")));
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();
    store = SqliteStore.open(data, clock);
    engine = new Engine(loaded.rules(), store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    engine.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> store.openAlerts().size() == 1);

    Alert behind = engine.receive(new dev.vigil.alert.ExternalAlert("am:1", "HighLatency", dev.vigil.alert.Severity.CRITICAL,
        "p99 over 2s", Map.of("cluster", "db1"), false, clock.instant(), "alertmanager:team-am")).orElseThrow();
    Alert elsewhere = engine.receive(new dev.vigil.alert.ExternalAlert("am:2", "DiskFull", dev.vigil.alert.Severity.CRITICAL,
        "disk 97%", Map.of("cluster", "web1"), false, clock.instant(), "alertmanager:team-am")).orElseThrow();
    assertThat(behind.heldBy()).isEqualTo("core-db");
    assertThat(elsewhere.heldBy()).as("its labels do not match dependsOnMatch").isNull();
  }
}
