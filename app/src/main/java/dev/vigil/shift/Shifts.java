package dev.vigil.shift;

import dev.vigil.policy.OnCall;
import dev.vigil.policy.OncallSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the person is on call, kept current for the running Vigil: a rotation at once; a calendar fetched at start and
 * every {@code refresh} (default hourly) on a thread of its own, each result handed to {@code sink}.
 */
public final class Shifts implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Shifts.class);

  private final Path dataDir;
  private final Clock clock;
  private final Consumer<OnCall> sink;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigil-oncall");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> refreshing;
  private OncallSpec applied;
  private ZoneId appliedZone;
  private boolean first = true;

  public Shifts(Path dataDir, Clock clock, Consumer<OnCall> sink) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.sink = sink;
  }

  /** What {@code spec} says now, for the command line: a rotation, or the calendar fetched without keeping it (else its last good copy). */
  public static OnCall of(OncallSpec spec, ZoneId zone, Path dataDir, Clock clock) {
    if (spec == null) return OnCall.always();
    if (spec.rotation() != null) return OnCall.rotation(spec.rotation(), zone, OnCall.levels(spec));
    return new CalendarFeed(spec, dataDir, zone, clock).refresh(false);
  }

  /** Applies new rules: {@code spec} null means always on call. */
  public synchronized void apply(OncallSpec spec, ZoneId zone) {
    if (!first && java.util.Objects.equals(spec, applied) && zone.equals(appliedZone)) return; // another file changed
    first = false;
    applied = spec;
    appliedZone = zone;
    if (refreshing != null) refreshing.cancel(false);
    refreshing = null;
    if (spec == null || spec.rotation() != null) {
      sink.accept(spec == null ? OnCall.always() : OnCall.rotation(spec.rotation(), zone, OnCall.levels(spec)));
      return;
    }
    CalendarFeed feed = new CalendarFeed(spec, dataDir, zone, clock);
    long every = spec.refresh().toMillis();
    refreshing = thread.scheduleWithFixedDelay(() -> {
      try {
        sink.accept(feed.refresh(true));
      } catch (RuntimeException e) {
        log.error("on-call calendar refresh failed", e);
      }
    }, 0, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
