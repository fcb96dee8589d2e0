package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.check.CheckRequest;
import dev.vigil.check.Checker;
import dev.vigil.check.FailureClass;
import dev.vigil.check.HttpChecker;
import dev.vigil.check.Observation;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.Gap;
import dev.vigil.store.SqliteStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine under a wall clock that jumps: sleeps and clock changes are recorded as gaps, stalls are said. */
class ClockTest {
  @TempDir Path data;
  @TempDir Path rulesDir;
  final MutableClock clock = new MutableClock(ZoneId.of("Europe/Berlin"));
  final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeAfter.size() - 1; i >= 0; i--) closeAfter.get(i).close();
  }

  static Stream<Arguments> jumps() {
    return Stream.of(
        arguments("an 8-hour sleep", Duration.ofHours(8), "sleep or clock jump forward: nothing watched for 8h"),
        arguments("the clock set forward an hour", Duration.ofHours(1), "sleep or clock jump forward: nothing watched for 1h"),
        arguments("the clock set back an hour", Duration.ofHours(-1), "clock set back by 1h"),
        arguments("the clock set forward a day", Duration.ofDays(1), "sleep or clock jump forward: nothing watched for 1d"),
        arguments("the clock set back a day", Duration.ofDays(-1), "clock set back by 1d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jumps")
  void aJumpOfTheWallClockIsRecordedAsAGapAndBringsAtMostOneCatchUpCheck(String intent, Duration jump, String reason)
      throws Exception {
    LoopbackFleet fleet = LoopbackFleet.start();
    closeAfter.add(fleet);
    rules("""
        monitors:
          - id: web
            url: %s
            interval: 1s
            timeout: 1s
        """.formatted(fleet.url("web")));
    SqliteStore store = store();
    Engine engine = engine(store, HttpChecker.create(clock));
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet.hits("web") >= 2);
    Instant before = clock.instant();

    clock.jump(jump);
    engine.noticeGap();
    long hitsAtJump = fleet.hits("web");
    Thread.sleep(900);

    assertThat(fleet.hits("web") - hitsAtJump).as("checks in the second after the jump").isLessThanOrEqualTo(2);
    List<Gap> gaps = await().atMost(Duration.ofSeconds(3))
        .until(() -> store.gaps(Instant.EPOCH, Instant.now().plus(Duration.ofDays(3))), l -> !l.isEmpty());
    assertThat(gaps).singleElement().satisfies(g -> {
      assertThat(g.reason()).isEqualTo(reason);
      assertThat(Duration.between(before, g.started()).abs()).isLessThan(Duration.ofSeconds(6));
      assertThat(Duration.between(g.started(), g.ended()).minus(jump).abs()).isLessThan(Duration.ofSeconds(6));
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet.hits("web") >= hitsAtJump + 3);
    assertThat(engine.status()).isEqualTo(WatchStatus.WATCHING);
    assertThat(store.openAlerts()).isEmpty();
  }

  @Test
  void ordinaryHousekeepingTicksRecordNoGap() throws Exception {
    rules("monitors:\n  - id: web\n    url: http://127.0.0.1:9/\n    interval: 1s\n    timeout: 1s\n");
    SqliteStore store = store();
    Engine engine = engine(store, new StalledChecker());
    for (int i = 0; i < 5; i++) {
      clock.jump(Duration.ofSeconds(1));
      engine.noticeGap();
    }
    Thread.sleep(300);
    assertThat(store.gaps(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void whileTheNetworkWakesAfterASleepChecksThatGetNoAnswerDoNotFireButAfterTheGraceTheyDo() throws Exception {
    rules("""
        monitors:
          - id: api
            url: http://pay.example/health
            interval: 10s
            timeout: 1s
            confirm: 2
        """);
    SqliteStore store = store();
    Engine engine = engine(store, request -> CompletableFuture.completedFuture(
        Observation.failed(clock.instant(), FailureClass.CONNECT, "network unreachable", Duration.ZERO)));
    clock.jump(Duration.ofHours(8));
    engine.noticeGap();
    engine.checkAllNow();

    Instant woke = clock.instant();
    await().atMost(Duration.ofSeconds(12)).until(() -> checks(store, woke) >= 3);
    assertThat(store.openAlerts()).as("no alert while the network wakes").isEmpty();

    clock.jump(Engine.WAKE_GRACE);
    assertThat(await().atMost(Duration.ofSeconds(8)).until(store::openAlerts, l -> !l.isEmpty()))
        .singleElement().satisfies(a -> assertThat(a.summary()).isEqualTo("connect: network unreachable"));
  }

  @Test
  void aRefusedConnectionAfterASleepIsAnAnswerAndCountsAtOnce() throws Exception {
    int refused;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = s.getLocalPort();
    }
    rules("""
        monitors:
          - id: api
            url: http://127.0.0.1:%d/health
            interval: 10s
            timeout: 1s
            confirm: 2
        """.formatted(refused));
    SqliteStore store = store();
    Engine engine = engine(store, HttpChecker.create(clock));
    clock.jump(Duration.ofHours(8));
    engine.noticeGap();
    engine.checkAllNow();

    assertThat(await().atMost(Duration.ofSeconds(8)).until(store::openAlerts, l -> !l.isEmpty()))
        .as("the service is down, not the network: no grace")
        .singleElement().satisfies(a -> assertThat(a.summary()).isEqualTo("connect: connection refused"));
  }

  @Test
  void noCheckCompletedForThreeIntervalsSaysMonitoringStalledUntilOneCompletes() throws Exception {
    rules("monitors:\n  - id: web\n    url: http://127.0.0.1:9/\n    interval: 2s\n    timeout: 1s\n");
    StalledChecker checker = new StalledChecker();
    Engine engine = engine(store(), checker);
    assertThat(engine.status()).isEqualTo(WatchStatus.WATCHING);
    await().atMost(Duration.ofSeconds(4)).until(() -> !checker.pending.isEmpty());

    for (int i = 0; i < 17; i++) {
      clock.jump(Duration.ofSeconds(1));
      engine.noticeGap();
    }
    assertThat(engine.status().watching()).isFalse();
    assertThat(engine.status().reason()).matches("monitoring stalled: no check completed for 1[6-9]s");

    checker.pending.forEach(f -> f.complete(Observation.failed(clock.instant(), dev.vigil.check.FailureClass.TIMEOUT, "timed out after 1s", Duration.ZERO)));
    assertThat(engine.status()).isEqualTo(WatchStatus.WATCHING);
  }

  /** Checks that never finish until the test says so. */
  static final class StalledChecker implements Checker {
    final List<CompletableFuture<Observation>> pending = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Observation> check(CheckRequest request) {
      CompletableFuture<Observation> f = new CompletableFuture<>();
      pending.add(f);
      return f;
    }
  }

  private static long checks(SqliteStore store, Instant from) {
    return store.checkStats("api", from.minus(Duration.ofMinutes(2)), from.plus(Duration.ofHours(1))).stream()
        .mapToLong(s -> s.checks()).sum();
  }

  private void rules(String yaml) throws Exception {
    Files.writeString(rulesDir.resolve("test.yaml"), yaml);
  }

  private SqliteStore store() {
    SqliteStore s = SqliteStore.open(data, clock);
    closeAfter.add(s);
    return s;
  }

  private Engine engine(SqliteStore store, Checker checker) {
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, Map.of());
    assertThat(loaded.problems()).isEmpty();
    Engine engine = new Engine(loaded.rules(), store, checker, new QuartzScheduler(), clock);
    closeAfter.add(engine);
    engine.start();
    return engine;
  }
}
