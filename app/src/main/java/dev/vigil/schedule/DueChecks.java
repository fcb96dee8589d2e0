package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repeating checks, on one timing thread: a queue ordered by when each monitor is next due. The thread
 * sleeps until the first is due, takes every check due by then (and within {@link #COALESCE_MILLIS}), and hands
 * them as one batch to a small pool, so a check that blocks holds up only its own batch. One wake-up and one
 * hand-off serve several checks, where a Quartz trigger per monitor cost a trigger acquisition, a
 * {@code JobRunShell}, a job instance and a thread hand-off for each one. Same rules as the Quartz triggers it
 * replaces: a monitor keeps its slot ({@link QuartzScheduler#firstRun}); a run missed by more than
 * {@link #MISFIRE_MILLIS} (a sleep, a clock jump) is skipped and the monitor goes on at its next slot.
 */
final class DueChecks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DueChecks.class);
  static final long COALESCE_MILLIS = 10;
  static final long MISFIRE_MILLIS = 1000;
  /** The longest sleep, so that a clock set back is noticed within a second of a reschedule. */
  private static final long MAX_SLEEP_MILLIS = 1000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
  private final Map<String, Entry> byMonitor = new HashMap<>();
  private final Lateness lateness;
  private final ExecutorService runners;
  private final Thread timer;
  private volatile boolean running = true;

  DueChecks(String name, int threads, Lateness lateness) {
    this.lateness = lateness;
    AtomicInteger count = new AtomicInteger();
    this.runners = Executors.newFixedThreadPool(threads, r -> daemon(r, name + "-checks-" + count.incrementAndGet()));
    this.timer = daemon(this::loop, name + "-due");
  }

  void start() {
    if (!timer.isAlive()) timer.start();
  }

  /** Runs {@code check} every {@code interval} at the monitor's slot, replacing its schedule if it had one. */
  void schedule(String monitorId, Duration interval, Runnable check) {
    long period = interval.toMillis();
    Instant now = Instant.now();
    Entry entry = new Entry(monitorId, period, check, QuartzScheduler.firstRun(monitorId, interval, now).toEpochMilli());
    lock.lock();
    try {
      Entry old = byMonitor.put(monitorId, entry);
      if (old != null) old.cancelled = true;
      queue.add(entry);
      if (queue.peek() == entry) changed.signal();
    } finally {
      lock.unlock();
    }
  }

  void unschedule(String monitorId) {
    lock.lock();
    try {
      Entry old = byMonitor.remove(monitorId);
      if (old != null) old.cancelled = true;
    } finally {
      lock.unlock();
    }
  }

  /** The checks now scheduled, for "check all now". */
  List<Runnable> all() {
    lock.lock();
    try {
      List<Runnable> all = new ArrayList<>(byMonitor.size());
      for (Entry e : byMonitor.values()) all.add(e.check);
      return all;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running) {
      try {
        List<Entry> batch = takeDue();
        if (!batch.isEmpty()) runners.execute(() -> run(batch));
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("check timer failed", e);
      }
    }
  }

  /**
   * Waits until a check is due, then takes it and those due within the next {@link #COALESCE_MILLIS} (they start
   * that much early, never late) and puts each back at its next slot.
   */
  private List<Entry> takeDue() throws InterruptedException {
    lock.lock();
    try {
      while (running) {
        Entry head = queue.peek();
        while (head != null && head.cancelled) {
          queue.poll();
          head = queue.peek();
        }
        long now = System.currentTimeMillis();
        if (head != null && head.due <= now) break;
        long sleep = head == null ? MAX_SLEEP_MILLIS : Math.min(MAX_SLEEP_MILLIS, head.due - now);
        changed.await(sleep, TimeUnit.MILLISECONDS);
      }
      long now = System.currentTimeMillis();
      List<Entry> batch = new ArrayList<>();
      while (!queue.isEmpty() && queue.peek().due <= now + COALESCE_MILLIS) {
        Entry e = queue.poll();
        if (e.cancelled) continue;
        if (now - e.due > MISFIRE_MILLIS) {
          e.due = QuartzScheduler.firstRun(e.monitorId, Duration.ofMillis(e.period), Instant.ofEpochMilli(now)).toEpochMilli();
        } else {
          batch.add(new Entry(e.monitorId, e.period, e.check, e.due));
          e.due += e.period;
        }
        queue.add(e);
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private void run(List<Entry> batch) {
    for (Entry e : batch) {
      lateness.record(System.currentTimeMillis() - e.due);
      try {
        e.check.run();
      } catch (Throwable t) {
        log.warn("check for monitor {} threw", e.monitorId, t);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    timer.interrupt();
    runners.shutdownNow();
    lock.lock();
    try {
      queue.clear();
      byMonitor.clear();
    } finally {
      lock.unlock();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static final class Entry {
    final String monitorId;
    final long period;
    final Runnable check;
    long due;
    volatile boolean cancelled;

    Entry(String monitorId, long period, Runnable check, long due) {
      this.monitorId = monitorId;
      this.period = period;
      this.check = check;
      this.due = due;
    }
  }
}
