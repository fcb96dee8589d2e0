package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the windows in step with the store without flooding the FX thread.
 *
 * <p>Engine changes only set a dirty flag. Every {@value #TICK_MILLIS} ms, on the background thread, the feed
 * reads the open alerts once if the flag was set or the store's data version moved (another process wrote),
 * and publishes one snapshot to the FX thread only when they differ from the last. Ten thousand changes in a
 * second become at most five reads and five publications. Quiet mode, the watch status and the noise rules
 * (policy, silences) are read about once a second, and a change in them is published too.
 */
public final class AlertFeed {
  static final long TICK_MILLIS = 200;
  private static final int STATUS_EVERY_TICKS = 5;
  /** Republish now and then even when nothing changed, so "since 02:14 (37 min)" keeps its age right. */
  private static final int REPUBLISH_EVERY_TICKS = 150;

  private final DesktopContext ctx;
  private final Io io;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final List<Consumer<DeskSnapshot>> subscribers = new CopyOnWriteArrayList<>();
  private long lastVersion = Long.MIN_VALUE;
  private int ticks;
  private QuietStatus lastQuiet;
  private WatchStatus lastWatch;
  private NoiseRules lastNoise;
  private volatile DeskSnapshot latest;

  public AlertFeed(DesktopContext ctx, Io io) {
    this.ctx = ctx;
    this.io = io;
    this.latest = DeskSnapshot.empty(ctx.clock().instant());
  }

  /** The listener to subscribe to the engine: it only marks the feed dirty. */
  public AlertListener listener() {
    return change -> dirty.set(true);
  }

  /** Asks for a fresh read on the next tick (after the UI itself changed something). */
  public void refreshSoon() {
    dirty.set(true);
  }

  /** Called on the FX thread with every new snapshot, and at once with the latest. */
  public void subscribe(Consumer<DeskSnapshot> subscriber) {
    subscribers.add(subscriber);
    subscriber.accept(latest);
  }

  public DeskSnapshot latest() {
    return latest;
  }

  /** Starts ticking on the background thread. */
  public void start() {
    io.every(TICK_MILLIS, this::tick);
  }

  /** One tick, on the background thread: reads and publishes only when something changed. */
  public void tick() {
    int tick = ticks++;
    boolean statusDue = tick % STATUS_EVERY_TICKS == 0;
    boolean republishDue = tick > 0 && tick % REPUBLISH_EVERY_TICKS == 0;
    long version = ctx.store().dataVersion();
    boolean readAlerts = dirty.getAndSet(false) | version != lastVersion;
    lastVersion = version;
    QuietStatus quiet = lastQuiet;
    WatchStatus watch = lastWatch;
    NoiseRules noise = lastNoise;
    if (statusDue || quiet == null) {
      quiet = ctx.quiet().quietStatus();
      watch = ctx.watchStatus();
      noise = ctx.noiseRules();
    }
    boolean statusChanged = !Objects.equals(quiet, lastQuiet) || !Objects.equals(watch, lastWatch) || !Objects.equals(noise, lastNoise);
    lastQuiet = quiet;
    lastWatch = watch;
    lastNoise = noise;
    List<Alert> open = readAlerts ? ctx.store().openAlerts() : latest.open();
    boolean alertsChanged = !open.equals(latest.open());
    if (!alertsChanged && !statusChanged && !republishDue) return;
    DeskSnapshot next = new DeskSnapshot(open, quiet, watch, noise, ctx.clock().instant());
    latest = next;
    io.fx(() -> subscribers.forEach(s -> s.accept(next)));
  }
}
