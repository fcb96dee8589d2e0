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
 * <p>Engine changes (the engine's own commits, and other processes' commits its change watcher noticed) only set
 * a dirty flag and ask for one read {@value #COALESCE_MILLIS} ms later on the background thread; every change in
 * between folds into that read, which also takes quiet mode, the watch status and the noise rules (policy,
 * silences), so the windows' own actions (quiet for an hour) show at once too. Every {@value #TICK_MILLIS} ms,
 * {@link #tick()} reads the same, and the open alerts if the store's data version moved: what changes with no
 * event (the overnight window opening, a stall, a refused rules edit, a command's quiet mode) shows within that.
 * A snapshot goes to the FX thread only when it differs from the last. Ten thousand changes in a second become at
 * most six reads and six publications; with nothing happening the thread wakes every five seconds and reads no
 * alert.
 */
public final class AlertFeed {
  static final long TICK_MILLIS = 5_000;
  static final long COALESCE_MILLIS = 200;
  /** Republish now and then even when nothing changed, so "since 02:14 (37 min)" keeps its age right. */
  private static final int REPUBLISH_EVERY_TICKS = 6;

  private final DesktopContext ctx;
  private final Io io;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final AtomicBoolean readPending = new AtomicBoolean();
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

  /** The listener to subscribe to the engine: it marks the feed dirty and asks for one read soon. */
  public AlertListener listener() {
    return change -> refreshSoon();
  }

  /** Asks for a fresh read soon (after the UI itself changed something, or the engine told of a change). */
  public void refreshSoon() {
    dirty.set(true);
    if (readPending.compareAndSet(false, true)) io.after(COALESCE_MILLIS, this::readIfDirty);
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

  /** The coalesced read after engine changes, on the background thread: the open alerts only. */
  synchronized void readIfDirty() {
    readPending.set(false);
    if (lastQuiet == null) {
      tick(); // nothing published yet: the whole first read
      return;
    }
    if (!dirty.getAndSet(false)) return;
    publishIfChanged(ctx.store().openAlerts(), ctx.quiet().quietStatus(), ctx.watchStatus(), ctx.noiseRules(), false);
  }

  /** One tick, on the background thread: reads and publishes only when something changed. */
  public synchronized void tick() {
    int tick = ticks++;
    boolean republishDue = tick > 0 && tick % REPUBLISH_EVERY_TICKS == 0;
    long version = ctx.store().dataVersion();
    boolean readAlerts = dirty.getAndSet(false) | version != lastVersion;
    lastVersion = version;
    QuietStatus quiet = ctx.quiet().quietStatus();
    WatchStatus watch = ctx.watchStatus();
    NoiseRules noise = ctx.noiseRules();
    publishIfChanged(readAlerts ? ctx.store().openAlerts() : latest.open(), quiet, watch, noise, republishDue);
  }

  private void publishIfChanged(List<Alert> open, QuietStatus quiet, WatchStatus watch, NoiseRules noise, boolean republishDue) {
    boolean statusChanged = !Objects.equals(quiet, lastQuiet) || !Objects.equals(watch, lastWatch) || !Objects.equals(noise, lastNoise);
    lastQuiet = quiet;
    lastWatch = watch;
    lastNoise = noise;
    boolean alertsChanged = !open.equals(latest.open());
    if (!alertsChanged && !statusChanged && !republishDue) return;
    DeskSnapshot next = new DeskSnapshot(open, quiet, watch, noise, ctx.clock().instant());
    latest = next;
    io.fx(() -> subscribers.forEach(s -> s.accept(next)));
  }
}
