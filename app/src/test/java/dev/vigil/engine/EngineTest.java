package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Severity;
import dev.vigil.check.HttpChecker;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.LoopbackFleet.Behaviour;
import dev.vigil.rules.RuleSet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.HistoryQuery;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole headless path against real HTTP servers on 127.0.0.1 and a real SQLite file. */
class EngineTest {
  @TempDir Path data;
  @TempDir Path rulesDir;
  LoopbackFleet fleet;
  final Clock clock = Clock.systemUTC();
  final List<Engine> engines = new CopyOnWriteArrayList<>();
  final List<SqliteStore> stores = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startFleet() throws Exception {
    fleet = LoopbackFleet.start();
  }

  @AfterEach
  void stopAll() {
    engines.forEach(Engine::close);
    stores.forEach(SqliteStore::close);
    fleet.close();
  }

  @Test
  void aHardDownEndpointMakesExactlyOneAlertThatCountsRepeatsAndResolves() throws Exception {
    fleet.set("payments", Behaviour.DOWN);
    fleet.set("chat", Behaviour.UP);
    rules("""
        monitors:
          - id: payments
            url: %s
            interval: 1s
            timeout: 1s
            severity: critical
            confirm: 2
            recover: 2
            expect: [status == 200]
          - id: chat
            url: %s
            interval: 1s
            timeout: 1s
        """.formatted(fleet.url("payments"), fleet.url("chat")));
    SqliteStore store = store();
    Engine engine = engine(store);

    Alert fired = await().atMost(Duration.ofSeconds(6)).until(() -> open(store), l -> l.size() == 1).get(0);
    assertThat(fired.monitor()).isEqualTo("payments");
    assertThat(fired.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(fired.summary()).isEqualTo("status: status (503) == 200");
    assertThat(fired.labels()).containsEntry("url", fleet.url("payments"));

    await().atMost(Duration.ofSeconds(5)).until(() -> store.find(fired.id()).orElseThrow().count() >= 3);
    assertThat(open(store)).hasSize(1);

    fleet.set("payments", Behaviour.UP);
    await().atMost(Duration.ofSeconds(6)).until(() -> store.find(fired.id()).orElseThrow().state() == AlertState.RESOLVED);
    assertThat(open(store)).isEmpty();
    assertThat(store.timeline(fired.id())).extracting(e -> e.kind()).containsExactly("fired", "resolved");
    assertThat(engine.status().watching()).isTrue();
  }

  @Test
  void anIsolatedBlipMakesNoAlert() throws Exception {
    fleet.set("blip", Behaviour.DOWN);
    rules("""
        monitors:
          - id: blip
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 3
        """.formatted(fleet.url("blip")));
    SqliteStore store = store();
    engine(store);
    await().atMost(Duration.ofSeconds(3)).until(() -> fleet.hits("blip") >= 1);
    fleet.set("blip", Behaviour.UP);
    long seen = fleet.hits("blip");
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet.hits("blip") >= seen + 3);
    assertThat(store.history(HistoryQuery.latest(10)).items()).isEmpty();
  }

  @Test
  void aHardDownEndpointIsConfirmedByQuickRechecksNotByWholeIntervals() throws Exception {
    fleet.set("down", Behaviour.DOWN);
    rules("""
        monitors:
          - id: down
            url: %s
            interval: 10s
            timeout: 1s
            confirm: 3
        """.formatted(fleet.url("down")));
    SqliteStore store = store();
    engine(store);
    // First run lands within the 10 s interval (spread by id); rechecks every 2 s confirm it:
    // interval + confirm x retry + timeout at most, never 3 x 10 s.
    Alert fired = await().atMost(Duration.ofSeconds(10 + 3 * 2 + 1 + 1)).until(() -> open(store), l -> !l.isEmpty()).get(0);
    assertThat(fired.count()).isEqualTo(1);
    assertThat(fleet.hits("down")).isEqualTo(3);
  }

  @Test
  void aRestartWhileStillFailingKeepsTheAlertAndItsAcknowledgement() throws Exception {
    fleet.set("db", Behaviour.DOWN);
    rules("""
        monitors:
          - id: db
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 2
        """.formatted(fleet.url("db")));
    SqliteStore store = store();
    Engine first = engine(store);
    Alert fired = await().atMost(Duration.ofSeconds(6)).until(() -> open(store), l -> l.size() == 1).get(0);
    store.acknowledge(fired.id(), "looking", "test", Instant.now());
    first.close();
    engines.remove(first);
    store.close();
    stores.remove(store);

    SqliteStore reopened = store();
    engine(reopened);
    long countBefore = reopened.find(fired.id()).orElseThrow().count();
    await().atMost(Duration.ofSeconds(5)).until(() -> reopened.find(fired.id()).orElseThrow().count() > countBefore);
    assertThat(reopened.history(HistoryQuery.latest(10)).items()).hasSize(1);
    Alert after = reopened.find(fired.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(AlertState.ACKNOWLEDGED);
  }

  @Test
  void anAcknowledgementFromAnotherProcessIsHeardWithinOneSecond() throws Exception {
    fleet.set("api", Behaviour.DOWN);
    rules("""
        monitors:
          - id: api
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 1
        """.formatted(fleet.url("api")));
    SqliteStore store = store();
    Engine engine = engine(store);
    List<AlertChange> heard = new CopyOnWriteArrayList<>();
    engine.addListener(heard::add);
    Alert fired = await().atMost(Duration.ofSeconds(5)).until(() -> open(store), l -> l.size() == 1).get(0);
    await().atMost(Duration.ofSeconds(1)).until(() -> heard.stream().anyMatch(c -> c.kind() == AlertChange.Kind.FIRED));

    try (SqliteStore cli = SqliteStore.open(data, clock)) {
      cli.acknowledge(fired.id(), "on it", "cli:test", Instant.now());
    }
    await().atMost(Duration.ofSeconds(1))
        .until(() -> heard.stream().anyMatch(c -> c.kind() == AlertChange.Kind.ACKNOWLEDGED && c.alert().id() == fired.id()));
  }

  @Test
  void theSameIntakeAlertTwiceMakesOneAlertAndItsResolutionClosesIt() throws Exception {
    rules("monitors: []\n");
    SqliteStore store = store();
    Engine engine = engine(store);
    ExternalAlert disk = new ExternalAlert("am:1", "disk-full", Severity.WARNING, "disk 97% full", Map.of("host", "db1"), false, Instant.now(), "api");
    Alert first = engine.receive(disk).orElseThrow();
    Alert second = engine.receive(disk).orElseThrow();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.count()).isEqualTo(2);
    engine.receive(new ExternalAlert("am:1", "disk-full", Severity.WARNING, "ok", Map.of(), true, Instant.now(), "api"));
    assertThat(store.find(first.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void servicesRefusingConnectionsOnOneHostAreAnOutageNotADeadNetwork() throws Exception {
    rules("""
        monitors:
          - id: one
            url: http://127.0.0.1:1/health
            interval: 1s
            timeout: 1s
            confirm: 1
          - id: two
            url: http://127.0.0.1:1/ready
            interval: 1s
            timeout: 1s
            confirm: 1
        """);
    SqliteStore store = store();
    Engine engine = engine(store);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.openAlerts().size() == 2);
    assertThat(engine.networkDown()).as("a refused connection proves the network works").isEmpty();
    assertThat(engine.status()).isEqualTo(WatchStatus.WATCHING);
  }

  @Test
  void aMonitorRenamedWhileRunningHasItsOpenAlertResolvedWithTheReason() throws Exception {
    fleet.set("payments", Behaviour.DOWN);
    rules("""
        monitors:
          - id: payments
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 1
        """.formatted(fleet.url("payments")));
    SqliteStore store = store();
    Engine engine = engine(store);
    Alert fired = await().atMost(Duration.ofSeconds(6)).until(() -> open(store), l -> l.size() == 1).get(0);

    rules("""
        monitors:
          - id: payments-api
            url: %s
            interval: 1s
            timeout: 1s
            confirm: 1
        """.formatted(fleet.url("payments")));
    engine.reload(RulesLoader.load(rulesDir, Map.of()).rules());

    await().atMost(Duration.ofSeconds(6)).until(() -> store.find(fired.id()).orElseThrow().state() == AlertState.RESOLVED);
    assertThat(store.timeline(fired.id())).last().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("resolved");
      assertThat(e.note()).isEqualTo("resolved by a rules reload: monitor payments is no longer in the rules");
    });
    await().atMost(Duration.ofSeconds(6)).until(() -> open(store), l -> l.size() == 1 && l.get(0).monitor().equals("payments-api"));
  }

  @Test
  void withNoRulesVigilSaysItIsNotWatching() throws Exception {
    rules("monitors: []\n");
    Engine engine = engine(store());
    assertThat(engine.status()).isEqualTo(WatchStatus.notWatching("no rules"));
  }

  private void rules(String yaml) throws Exception {
    Files.writeString(rulesDir.resolve("test.yaml"), yaml);
  }

  private SqliteStore store() {
    SqliteStore s = SqliteStore.open(data, clock);
    stores.add(s);
    return s;
  }

  private Engine engine(SqliteStore store) {
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();
    RuleSet rules = loaded.rules();
    Engine engine = new Engine(rules, store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    engines.add(engine);
    engine.start();
    return engine;
  }

  private static List<Alert> open(SqliteStore store) {
    return store.openAlerts();
  }
}
