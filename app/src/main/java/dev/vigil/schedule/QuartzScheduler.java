package dev.vigil.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A {@link CheckScheduler} on an in-memory Quartz scheduler. Monitors of the same interval and slot share one
 * repeating trigger ({@link Slot}), which starts their checks one after the other: with 5,000 monitors every 30 s,
 * Quartz fires 30 triggers an interval instead of 5,000 (a trigger's acquisition, firing, job and context cost
 * about as much CPU as starting the check it runs). Re-checks are one-shot triggers of their own. Checks are held
 * in maps keyed like the jobs, never serialized into Quartz. After a sleep or a clock jump a monitor skips the
 * runs it missed and goes on at its next slot: no burst of catch-up runs.
 */
public final class QuartzScheduler implements CheckScheduler {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuartzScheduler.class);
  /** Repeating triggers, one per interval and slot: named {@code INTERVAL_MS@OFFSET_MS}. */
  static final String REPEATING = "slots";
  static final String ONE_SHOT = "rechecks";
  private static final int THREADS = 6;
  private static final long MISFIRE_THRESHOLD_MILLIS = 1000;
  private static final long BATCH_WINDOW_MILLIS = 10;
  static final Duration SLOT = Duration.ofSeconds(1);
  static final Duration SLOTTED_FROM = Duration.ofSeconds(10);

  private final Scheduler quartz;
  private final Map<JobKey, Slot> slots = new ConcurrentHashMap<>();
  /** Each monitor's slot. */
  private final Map<String, JobKey> slotOf = new ConcurrentHashMap<>();
  private final Map<JobKey, Runnable> oneShots = new ConcurrentHashMap<>();
  private final Lateness lateness = new Lateness();

  public QuartzScheduler() {
    this("vigil");
  }

  /** Quartz keeps one live scheduler per name in a JVM; tests give each of theirs a name of its own. */
  QuartzScheduler(String instanceName) {
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", instanceName);
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    properties.setProperty("org.quartz.threadPool.class", CheckThreads.class.getName());
    properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MILLIS));
    // One pass of the scheduler thread takes every trigger due within the window (up to the free threads),
    // instead of one wake-up, lock and acquisition per trigger: with thousands of monitors this is most of
    // Quartz's cost. A trigger fires at most the window early.
    properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(THREADS));
    properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", String.valueOf(BATCH_WINDOW_MILLIS));
    try {
      quartz = new StdSchedulerFactory(properties).getScheduler();
      quartz.setJobFactory((bundle, scheduler) -> new RunCheck(slots, oneShots, lateness));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot create the scheduler", e);
    }
  }

  /**
   * When a monitor first runs: at the next instant, from {@code now} on, whose distance from the epoch is the
   * monitor's offset (a stable hash of its id, modulo the interval) plus a whole number of intervals.
   */
  static Instant firstRun(String monitorId, Duration interval, Instant now) {
    return firstAt(offset(monitorId, interval), interval, now);
  }

  private static Instant firstAt(long offset, Duration interval, Instant now) {
    return now.plusMillis(Math.floorMod(offset - now.toEpochMilli(), interval.toMillis()));
  }

  /**
   * The monitor's slot in the interval, in milliseconds: the same in every run of the program. Monitors are spread
   * over the interval; from {@link #SLOTTED_FROM} on, in whole {@link #SLOT}s, so that the monitors of one slot fire
   * together: one trigger of Quartz starts them all ({@link Slot}), instead of one each. An idle
   * Vigil watching 100 endpoints every 30 s then wakes once a second instead of three times.
   */
  public static long offset(String monitorId, Duration interval) {
    CRC32 crc = new CRC32();
    crc.update(monitorId.getBytes(StandardCharsets.UTF_8));
    long period = interval.toMillis();
    if (interval.compareTo(SLOTTED_FROM) < 0) return crc.getValue() % period;
    long slots = period / SLOT.toMillis();
    return crc.getValue() % slots * SLOT.toMillis();
  }

  /** How late the repeating checks started against their slots (one-shot rechecks and run-all-now excluded). */
  public Lateness lateness() {
    return lateness;
  }

  @Override
  public void start() {
    call(quartz::start);
  }

  /**
   * Puts the monitor in its slot and (re)starts the slot's trigger from now: after a clock set back, the engine
   * schedules every monitor again and the slots go on from now instead of waiting out the jump.
   */
  @Override
  public synchronized void schedule(String monitorId, Duration interval, Runnable check) {
    if (interval.toMillis() < 1) throw new IllegalArgumentException("interval < 1ms: " + interval);
    long offset = offset(monitorId, interval);
    JobKey key = new JobKey(interval.toMillis() + "@" + offset, REPEATING);
    JobKey before = slotOf.put(monitorId, key);
    if (before != null && !before.equals(key)) leave(monitorId, before);
    slots.computeIfAbsent(key, k -> new Slot()).put(monitorId, check);
    Trigger trigger = repeating(key, interval, offset, Instant.now());
    call(() -> quartz.scheduleJob(job(key), Set.of(trigger), true));
  }

  /** Skips the monitor's runs until the first of its slots at or after {@code now + delay}. */
  @Override
  public void postpone(String monitorId, Duration interval, Duration delay) {
    JobKey oneShot = new JobKey(monitorId, ONE_SHOT);
    call(() -> quartz.deleteJob(oneShot));
    oneShots.remove(oneShot);
    JobKey key = slotOf.get(monitorId);
    Slot slot = key == null ? null : slots.get(key);
    if (slot != null) slot.postpone(monitorId, Instant.now().plus(delay).toEpochMilli());
  }

  /** Every {@code interval} at the slot's offset, from the first slot at or after {@code from}. */
  private static Trigger repeating(JobKey key, Duration interval, long offset, Instant from) {
    return TriggerBuilder.newTrigger()
        .withIdentity(key.getName(), REPEATING)
        .forJob(key)
        .startAt(Date.from(firstAt(offset, interval, from)))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(interval.toMillis())
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  @Override
  public java.util.Optional<Instant> nextRun(String monitorId) {
    List<org.quartz.TriggerKey> keys = new java.util.ArrayList<>();
    JobKey slot = slotOf.get(monitorId);
    if (slot != null) keys.add(new org.quartz.TriggerKey(slot.getName(), REPEATING)); // the slot's shared trigger
    keys.add(new org.quartz.TriggerKey(monitorId, ONE_SHOT));
    Instant next = null;
    for (org.quartz.TriggerKey key : keys) {
      try {
        Trigger t = quartz.getTrigger(key);
        Date at = t == null ? null : t.getNextFireTime();
        if (at != null && (next == null || at.toInstant().isBefore(next))) next = at.toInstant();
      } catch (SchedulerException e) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.ofNullable(next);
  }

  @Override
  public synchronized void unschedule(String monitorId) {
    JobKey key = slotOf.remove(monitorId);
    if (key != null) leave(monitorId, key);
    JobKey oneShot = new JobKey(monitorId, ONE_SHOT);
    call(() -> quartz.deleteJob(oneShot));
    oneShots.remove(oneShot);
  }

  /** Takes the monitor out of a slot; the last one out stops the slot's trigger. */
  private void leave(String monitorId, JobKey key) {
    Slot slot = slots.get(key);
    if (slot != null && slot.remove(monitorId)) {
      slots.remove(key);
      call(() -> quartz.deleteJob(key));
    }
  }

  @Override
  public void runOnceAfter(String monitorId, Duration delay, Runnable check) {
    JobKey key = new JobKey(monitorId, ONE_SHOT);
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(monitorId, ONE_SHOT)
        .startAt(Date.from(Instant.now().plus(delay)))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    oneShots.put(key, check);
    call(() -> quartz.scheduleJob(job(key), Set.of(trigger), true));
  }

  /**
   * Starts every repeating check at once, on a thread of its own, without a Quartz trigger each: a check only
   * starts an asynchronous call, so 5,000 of them take milliseconds, where 5,000 one-off triggers queue behind
   * the scheduler's threads for most of a second.
   */
  @Override
  public void runAllNow() {
    List<Runnable> all = new ArrayList<>();
    slots.values().forEach(slot -> slot.addChecksTo(all));
    Thread runner = new Thread(() -> {
      for (Runnable check : all) {
        try {
          check.run();
        } catch (RuntimeException e) {
          log.warn("check threw on run-all-now", e);
        }
      }
    }, "vigil-run-all-now");
    runner.setDaemon(true);
    runner.start();
  }

  @Override
  public void close() {
    call(() -> quartz.shutdown(false));
    slots.clear();
    slotOf.clear();
    oneShots.clear();
  }

  private static JobDetail job(JobKey key) {
    return JobBuilder.newJob(RunCheck.class).withIdentity(key).build();
  }

  private interface QuartzCall {
    void run() throws SchedulerException;
  }

  private static void call(QuartzCall call) {
    try {
      call.run();
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler failed: " + e.getMessage(), e);
    }
  }
}
