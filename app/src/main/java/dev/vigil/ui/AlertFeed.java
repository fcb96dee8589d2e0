package dev.vigil.ui;

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
 * and publishes one snapshot to the FX thread. Ten thousand changes in a second become at most five reads.
 */
public final class AlertFeed {
  static final long TICK_MILLIS = 200;
  private static final int STATUS_EVERY_TICKS = 5;

  private final DesktopContext ctx;
  private final Io io;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final List<Consumer<DeskSnapshot>> subscribers = new CopyOnWriteArrayList<>();
  private long lastVersion = Long.MIN_VALUE;
  private int ticks;
  private QuietStatus lastQuiet;
  private WatchStatus lastWatch;
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
    boolean statusDue = ticks++ % STATUS_EVERY_TICKS == 0;
    long version = ctx.store().dataVersion();
    boolean alertsChanged = dirty.getAndSet(false) | version != lastVersion;
    lastVersion = version;
    QuietStatus quiet = lastQuiet;
    WatchStatus watch = lastWatch;
    if (statusDue || quiet == null) {
      quiet = ctx.quiet().quietStatus();
      watch = ctx.watchStatus();
    }
    boolean statusChanged = !Objects.equals(quiet, lastQuiet) || !Objects.equals(watch, lastWatch);
    lastQuiet = quiet;
    lastWatch = watch;
    if (!alertsChanged && !statusChanged) return;
    DeskSnapshot next = new DeskSnapshot(
        alertsChanged ? ctx.store().openAlerts() : latest.open(), quiet, watch, ctx.clock().instant());
    latest = next;
    io.fx(() -> subscribers.forEach(s -> s.accept(next)));
  }
}
