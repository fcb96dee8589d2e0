package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuartzSchedulerTest {
  private static final AtomicInteger instances = new AtomicInteger();
  private static final Duration TICK = Duration.ofMillis(200);

  private QuartzScheduler scheduler;

  @BeforeEach
  void setUp() {
    scheduler = new QuartzScheduler("vigil-test-" + instances.incrementAndGet());
    scheduler.start();
  }

  @AfterEach
  void tearDown() {
    scheduler.close();
  }

  @Test
  void firstRunsAreSpreadOverTheIntervalByMonitorIdInWholeSeconds() {
    Duration interval = Duration.ofSeconds(30);
    Instant now = Instant.parse("2025-01-15T03:00:00.123Z");
    Set<Instant> firstRuns = new HashSet<>();
    int[] perTenth = new int[10];
    for (int i = 0; i < 1000; i++) {
      Instant first = QuartzScheduler.firstRun("monitor-" + i, interval, now);
      assertThat(first).isBetween(now, now.plus(interval).minusMillis(1));
      assertThat(first.toEpochMilli() % 1000).isZero(); // monitors of one slot fire together
      firstRuns.add(first);
      perTenth[(int) (Duration.between(now, first).toMillis() * 10 / interval.toMillis())]++;
    }
    // 1000 ids in 30 one-second slots: every slot is used, and no tenth of the interval gets a crowd.
    assertThat(firstRuns).hasSize(30);
    for (int count : perTenth) assertThat(count).isBetween(60, 140);
  }

  @Test
  void shortIntervalsAreSpreadToTheMillisecond() {
    Duration interval = Duration.ofSeconds(5);
    Instant now = Instant.parse("2025-01-15T03:00:00Z");
    Set<Instant> firstRuns = new HashSet<>();
    for (int i = 0; i < 200; i++) firstRuns.add(QuartzScheduler.firstRun("monitor-" + i, interval, now));
    assertThat(firstRuns).hasSizeGreaterThan(190);
  }

  @Test
  void aMonitorKeepsItsSlotWhateverTimeItIsScheduled() {
    Duration interval = Duration.ofSeconds(30);
    Instant now = Instant.parse("2025-01-15T03:00:00Z");
    Instant first = QuartzScheduler.firstRun("payments-api", interval, now);

    assertThat(QuartzScheduler.firstRun("payments-api", interval, now.plusSeconds(7))).isIn(first, first.plus(interval));
    assertThat(QuartzScheduler.firstRun("payments-api", interval, now.plus(Duration.ofDays(3))))
        .satisfies(later -> assertThat(Duration.between(first, later).toMillis() % interval.toMillis()).isZero());
    assertThat(QuartzScheduler.offset("payments-api", interval)).isEqualTo(QuartzScheduler.offset("payments-api", interval));
  }

  @Test
  void aScheduledMonitorRunsRepeatedly() {
    AtomicInteger runs = new AtomicInteger();

    scheduler.schedule("api", TICK, runs::incrementAndGet);

    await().atMost(5, TimeUnit.SECONDS).until(() -> runs.get() >= 3);
  }

  @Test
  void schedulingAnExistingMonitorReplacesItsCheck() {
    AtomicInteger old = new AtomicInteger();
    AtomicInteger reloaded = new AtomicInteger();
    scheduler.schedule("api", TICK, old::incrementAndGet);

    scheduler.schedule("api", TICK, reloaded::incrementAndGet);
    int oldRuns = old.get();

    await().atMost(5, TimeUnit.SECONDS).until(() -> reloaded.get() >= 2);
    assertThat(old.get()).isLessThanOrEqualTo(oldRuns + 1);
  }

  @Test
  void aOneShotRunsOnceAfterItsDelay() {
    AtomicInteger runs = new AtomicInteger();

    scheduler.runOnceAfter("api", Duration.ofMillis(100), runs::incrementAndGet);

    await().atMost(3, TimeUnit.SECONDS).until(() -> runs.get() == 1);
    await().during(Duration.ofMillis(500)).atMost(1, TimeUnit.SECONDS).until(() -> runs.get() == 1);
  }

  @Test
  void aNewOneShotReplacesThePendingOne() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();

    scheduler.runOnceAfter("api", Duration.ofMillis(300), first::incrementAndGet);
    scheduler.runOnceAfter("api", Duration.ofMillis(300), second::incrementAndGet);

    await().atMost(3, TimeUnit.SECONDS).until(() -> second.get() == 1);
    await().during(Duration.ofMillis(300)).atMost(1, TimeUnit.SECONDS).until(() -> first.get() == 0);
  }

  @Test
  void aCheckThatBlocksForTenSecondsDoesNotStopOtherMonitors() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    AtomicInteger others = new AtomicInteger();
    scheduler.runOnceAfter("stuck", Duration.ZERO, () -> {
      blocked.countDown();
      waitFor(release, Duration.ofSeconds(10));
    });
    try {
      assertThat(blocked.await(3, TimeUnit.SECONDS)).isTrue();

      scheduler.schedule("api", TICK, others::incrementAndGet);

      await().atMost(5, TimeUnit.SECONDS).until(() -> others.get() >= 3);
      assertThat(release.getCount()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aCheckThatThrowsKeepsBeingScheduled() {
    AtomicInteger runs = new AtomicInteger();

    scheduler.schedule("api", TICK, () -> {
      runs.incrementAndGet();
      throw new IllegalStateException("boom");
    });

    await().atMost(5, TimeUnit.SECONDS).until(() -> runs.get() >= 3);
  }

  @Test
  void anUnscheduledMonitorStopsRunning() {
    AtomicInteger runs = new AtomicInteger();
    scheduler.schedule("api", TICK, runs::incrementAndGet);
    await().atMost(5, TimeUnit.SECONDS).until(() -> runs.get() >= 1);

    scheduler.unschedule("api");
    int stopped = runs.get();

    await().during(Duration.ofMillis(800)).atMost(2, TimeUnit.SECONDS).until(() -> runs.get() <= stopped + 1);
  }

  @Test
  void runAllNowRunsEveryScheduledMonitor() {
    AtomicInteger a = new AtomicInteger();
    AtomicInteger b = new AtomicInteger();
    AtomicInteger c = new AtomicInteger();
    scheduler.schedule("a", Duration.ofDays(1), a::incrementAndGet);
    scheduler.schedule("b", Duration.ofDays(1), b::incrementAndGet);
    scheduler.schedule("c", Duration.ofDays(1), c::incrementAndGet);

    scheduler.runAllNow();

    await().atMost(3, TimeUnit.SECONDS).until(() -> a.get() >= 1 && b.get() >= 1 && c.get() >= 1);
  }

  @Test
  void monitorsOfOneSlotShareItAndOneLeavingStopsOnlyItself() {
    String first = "api-0";
    String second = java.util.stream.IntStream.range(1, 10_000).mapToObj(i -> "api-" + i)
        .filter(id -> QuartzScheduler.offset(id, TICK) == QuartzScheduler.offset(first, TICK)).findFirst().orElseThrow();
    AtomicInteger a = new AtomicInteger();
    AtomicInteger b = new AtomicInteger();
    scheduler.schedule(first, TICK, a::incrementAndGet);
    scheduler.schedule(second, TICK, b::incrementAndGet);
    await().atMost(5, TimeUnit.SECONDS).until(() -> a.get() >= 2 && b.get() >= 2);

    scheduler.unschedule(first);
    int stopped = a.get();
    int going = b.get();

    await().atMost(5, TimeUnit.SECONDS).until(() -> b.get() >= going + 3);
    assertThat(a.get()).isLessThanOrEqualTo(stopped + 1);
  }

  @Test
  void aPostponedMonitorSkipsItsSlotsUntilTheDelayAndThenGoesOn() {
    java.util.List<Long> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
    scheduler.schedule("api", TICK, () -> runs.add(System.nanoTime()));
    await().atMost(5, TimeUnit.SECONDS).until(() -> runs.size() >= 1);

    long postponedAt = System.nanoTime();
    scheduler.postpone("api", TICK, Duration.ofSeconds(1));
    long settled = postponedAt + Duration.ofMillis(50).toNanos(); // a run already starting when it was postponed

    await().atMost(5, TimeUnit.SECONDS).until(() -> runs.stream().filter(t -> t > settled).count() >= 3);
    long firstAfter = runs.stream().filter(t -> t > settled).findFirst().orElseThrow();
    assertThat(Duration.ofNanos(firstAfter - postponedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  private static void waitFor(CountDownLatch latch, Duration atMost) {
    try {
      latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
