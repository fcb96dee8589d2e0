package dev.vigil.heartbeat;

import dev.vigil.alert.ExternalAlert;
import dev.vigil.alert.Intake;
import dev.vigil.rules.HeartbeatRule;
import dev.vigil.store.IntakeStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link HeartbeatWatch}: evaluates it every second on its own daemon thread (only while there is a
 * heartbeat to watch: with none, the thread never wakes) and hands what is due to the intake; a ping is evaluated
 * at once, so a late heartbeat resolves before its {@code POST} is answered.
 * Wiring: {@code engine.heartbeatSink(heartbeats::ping)}; {@link #reload} when the rules change.
 */
public final class Heartbeats implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

  private final IntakeStore store;
  private final Intake intake;
  private final Clock clock;
  private final ScheduledExecutorService ticker;
  private volatile HeartbeatWatch watch;
  /** Evaluating and delivering happen together, so a fire and the resolve after it reach the intake in order. */
  private final Object delivering = new Object();
  /** The once-a-second evaluation, while there are heartbeats; guarded by this. */
  private java.util.concurrent.ScheduledFuture<?> ticking;

  private Heartbeats(List<HeartbeatRule> rules, IntakeStore store, Intake intake, Clock clock) {
    this.store = store;
    this.intake = intake;
    this.clock = clock;
    this.watch = new HeartbeatWatch(rules, store, clock);
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-heartbeats");
      t.setDaemon(true);
      return t;
    });
  }

  public static Heartbeats start(List<HeartbeatRule> rules, IntakeStore store, Intake intake, Clock clock) {
    Heartbeats heartbeats = new Heartbeats(rules, store, intake, clock);
    heartbeats.tickWhile(!rules.isEmpty());
    return heartbeats;
  }

  /** Records a ping and delivers a resolve it causes; false when no heartbeat has this id. */
  public boolean ping(String id, Instant at) {
    synchronized (delivering) {
      HeartbeatWatch current = watch;
      if (!current.ping(id, at)) return false;
      deliver(current.evaluate(clock.instant()));
      return true;
    }
  }

  /** Every heartbeat watched, with its last ping and deadline, for the monitors board. */
  public List<HeartbeatWatch.Status> statuses() {
    return watch.statuses();
  }

  /** Watches a new set of heartbeats; pings and states of the ones kept are in the store. */
  public void reload(List<HeartbeatRule> rules) {
    watch = new HeartbeatWatch(rules, store, clock);
    tickWhile(!rules.isEmpty());
  }

  private synchronized void tickWhile(boolean watching) {
    if (watching && ticking == null) {
      ticking = ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    } else if (!watching && ticking != null) {
      ticking.cancel(false);
      ticking = null;
    }
  }

  private void tick() {
    try {
      synchronized (delivering) {
        deliver(watch.evaluate(clock.instant()));
      }
    } catch (RuntimeException e) {
      log.warn("heartbeats: cannot evaluate: {}", e.getMessage(), e);
    }
  }

  private void deliver(List<ExternalAlert> due) {
    for (ExternalAlert alert : due) intake.receive(alert);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
