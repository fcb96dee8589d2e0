package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFeedTest {
  final FakeStore store = new FakeStore().add(Samples.alert(1, AlertState.FIRING));
  final FakeContext ctx = new FakeContext(store, Path.of("rules"));
  final AlertFeed feed = new AlertFeed(ctx, Io.direct());
  final List<DeskSnapshot> published = new ArrayList<>();

  @Test
  void tenThousandChangesBetweenTwoTicksBecomeOneRead() {
    feed.subscribe(published::add);
    feed.tick();
    long readsBefore = store.openAlertsCalls.get();
    for (int i = 0; i < 10_000; i++) feed.listener().onChange(new AlertChange(AlertChange.Kind.REPEATED, Samples.alert(1, AlertState.FIRING), Samples.T0));
    feed.tick();
    assertThat(store.openAlertsCalls.get() - readsBefore).isEqualTo(1);
  }

  @Test
  void engineWritesThatLeaveTheOpenAlertsAsTheyWerePublishNothing() {
    feed.tick();
    feed.subscribe(published::add);
    store.version.incrementAndGet(); // e.g. a check result folded into its minute
    feed.tick();
    assertThat(published).hasSize(1);
  }

  @Test
  void aQuietTickPublishesNothing() {
    feed.tick();
    feed.subscribe(published::add);
    feed.tick();
    feed.tick();
    assertThat(published).hasSize(1);
  }

  @Test
  void aWriteFromAnotherProcessIsNoticedThroughTheDataVersion() {
    feed.tick();
    store.add(Samples.alert(2, AlertState.FIRING));
    feed.tick();
    assertThat(feed.latest().open()).extracting(a -> a.id()).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void quietModeAndWatchingArePublished() {
    feed.tick();
    ctx.watch = WatchStatus.notWatching("network down");
    for (int i = 0; i < 5; i++) feed.tick();
    assertThat(feed.latest().watch().reason()).isEqualTo("network down");
  }

  @Test
  void anEngineChangeIsReadAndPublishedWithoutWaitingForATick() throws Exception {
    try (Io thread = Io.thread(Runnable::run)) {
      AlertFeed live = new AlertFeed(ctx, thread);
      List<DeskSnapshot> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
      live.subscribe(shown::add);
      live.readIfDirty(); // the first read, as start() would make it
      long versionBefore = store.version.get();
      store.add(Samples.alert(2, AlertState.FIRING));
      store.version.set(versionBefore); // as if no data version moved: only the engine's word tells of it

      live.listener().onChange(new AlertChange(AlertChange.Kind.FIRED, Samples.alert(2, AlertState.FIRING), Samples.T0));

      await().atMost(Duration.ofSeconds(5))
          .until(() -> shown.get(shown.size() - 1).open().stream().anyMatch(a -> a.id() == 2L));
      assertThat(shown.get(shown.size() - 1).open()).extracting(a -> a.id()).containsExactlyInAnyOrder(1L, 2L);
    }
  }

  @Test
  void aQuietTickReadsNoAlerts() {
    feed.tick();
    long reads = store.openAlertsCalls.get();
    feed.tick();
    feed.tick();
    assertThat(store.openAlertsCalls.get()).isEqualTo(reads);
  }
}
