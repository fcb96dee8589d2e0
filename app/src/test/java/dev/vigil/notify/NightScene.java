package dev.vigil.notify;

import dev.vigil.policy.Policy;
import dev.vigil.store.PolicyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scene of a night test: a data folder with a migrated policy store, a virtual clock (Berlin) starting where the
 * night does, a fake alarm and the desktop notifications collected in order. {@link #builder(Policy)} is the
 * notifier's builder as every night test runs it, for a test to add its own parts (confirm, phone, network) and build;
 * {@link #runUntil} ticks the notifier a test keeps in {@link #n}, which is closed after each test with the store.
 */
public abstract class NightScene {
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @TempDir protected Path data;
  protected final VirtualClock clock;
  protected final FakeAlarm alarm = new FakeAlarm();
  protected final List<Message> desktop = Collections.synchronizedList(new ArrayList<>());
  protected PolicyStore store;
  protected Notifier n;

  protected NightScene(Instant start) {
    clock = new VirtualClock(start);
  }

  /** A Berlin wall-clock time, e.g. {@code at("2025-03-29T23:00")}. */
  public static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  @BeforeEach
  void openScene() {
    store = PolicyStore.openMigrated(data);
  }

  @AfterEach
  void closeScene() {
    if (n != null) n.close();
    store.close();
  }

  /** The scene's notifier builder over its own store. */
  protected Notifier.Builder builder(Policy policy) {
    return builder(policy, store);
  }

  /** The scene's notifier builder over {@code s} (a store reopened as after a kill, say). */
  protected Notifier.Builder builder(Policy policy, PolicyStore s) {
    return preset(Notifier.builder(policy, s, clock), alarm, desktop::add);
  }

  /** Ticks {@link #n} every 15 s of the virtual clock until {@code end}. */
  void runUntil(Instant end) {
    runUntil(end, Duration.ofSeconds(15));
  }

  void runUntil(Instant end, Duration step) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      n.tick(clock.instant());
    }
  }

  /** The decisions recorded for one alert, as "channel outcome: reason". */
  List<String> reasons(long alertId) {
    return store.notifications(Instant.EPOCH, 1000).stream().filter(x -> Long.valueOf(alertId).equals(x.alertId()))
        .map(x -> x.channel() + " " + x.outcome().label() + ": " + x.reason()).toList();
  }

  /** I/O inline, desktop notifications handed to {@code desktop} (shown), the given alarm, no audio problem. */
  public static Notifier.Builder preset(Notifier.Builder b, Alarm alarm, Consumer<Message> desktop) {
    return b.io(Runnable::run)
        .desktop(m -> {
          desktop.accept(m);
          return Optional.empty();
        })
        .alarm(alarm)
        .audioCheck(Optional::empty);
  }

  /** Counts the alarm's starts, stops and chimes, and passes starts and stops on to a real alarm (or none). */
  public static final class FakeAlarm implements Alarm {
    private final Alarm sound;
    public volatile boolean sounding;
    public int starts;
    public int stops;
    public int chimes;

    public FakeAlarm() {
      this(Alarm.SILENT);
    }

    public FakeAlarm(Alarm sound) {
      this.sound = sound;
    }

    @Override
    public void chime() {
      chimes++;
    }

    @Override
    public void start(Duration rampUp) {
      if (!sounding) {
        starts++;
        sound.start(rampUp);
      }
      sounding = true;
    }

    @Override
    public void stop() {
      if (sounding) {
        stops++;
        sound.stop();
      }
      sounding = false;
    }

    @Override
    public boolean isSounding() {
      return sounding;
    }
  }

  /** A Berlin clock that moves only when told. */
  public static final class VirtualClock extends Clock {
    private volatile Instant now;

    public VirtualClock(Instant start) {
      now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    public void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
