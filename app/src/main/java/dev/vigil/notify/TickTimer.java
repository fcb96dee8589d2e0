package dev.vigil.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's timer: a tick every {@link #BUSY} while something needs one (a ladder rings, a notification waits
 * out its group wait, an alert waits for its maintenance window to end), else every {@link #QUIET}. Whatever can
 * start such a need (an alert change, new rules, quiet mode changed here) calls {@link #soon()}, which brings the
 * next tick within {@link #BUSY}: nothing waits longer than it did when the timer ran every second. What only a
 * clock starts (the morning digest, the end of quiet mode, a hand-off, a silence reminder, the heartbeat) comes at
 * most {@link #QUIET} late.
 */
final class TickTimer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TickTimer.class);
  static final Duration BUSY = Duration.ofSeconds(1);
  static final Duration QUIET = Duration.ofSeconds(5);

  private final ScheduledExecutorService thread;
  private final Runnable tick;
  private final BooleanSupplier busy;
  // guarded by this
  private ScheduledFuture<?> next;
  private long nextAt;

  TickTimer(String name, Runnable tick, BooleanSupplier busy) {
    this.thread = Executors.newSingleThreadScheduledExecutor(Notifier.daemon(name));
    this.tick = tick;
    this.busy = busy;
    schedule(0);
  }

  /** The next tick comes within {@link #BUSY}, or sooner if it was due sooner. */
  synchronized void soon() {
    if (next == null || nextAt - System.nanoTime() <= BUSY.toNanos()) return;
    next.cancel(false);
    schedule(BUSY.toNanos());
  }

  /** One tick, then the next is scheduled whatever happened in it: a tick that throws must not end the timer. */
  private void run() {
    boolean needed = true;
    try {
      tick.run();
      needed = busy.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.error("Notifier tick failed", e);
    } finally {
      synchronized (this) {
        if (next != null) schedule((needed ? BUSY : QUIET).toNanos());
      }
    }
  }

  private synchronized void schedule(long nanos) {
    try {
      nextAt = System.nanoTime() + nanos;
      next = thread.schedule(this::run, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      next = null;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (next != null) next.cancel(false);
      next = null;
    }
    thread.shutdownNow();
  }
}
