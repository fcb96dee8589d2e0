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
 * A {@link CheckScheduler} on an in-memory Quartz scheduler. Checks are held in a map keyed like the jobs, never
 * serialized into Quartz. After a sleep or a clock jump a monitor skips the runs it missed and goes on at its
 * next slot: no burst of catch-up runs.
 */
public final class QuartzScheduler implements CheckScheduler {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuartzScheduler.class);
  static final String REPEATING = "monitors";
  static final String ONE_SHOT = "rechecks";
  private static final int THREADS = 6;
  private static final long MISFIRE_THRESHOLD_MILLIS = 1000;
  private static final long BATCH_WINDOW_MILLIS = 10;
  static final Duration SLOT = Duration.ofSeconds(1);
  static final Duration SLOTTED_FROM = Duration.ofSeconds(10);

  private final Scheduler quartz;
  private final Map<JobKey, Runnable> checks = new ConcurrentHashMap<>();
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
      quartz.setJobFactory((bundle, scheduler) -> new RunCheck(checks, lateness));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot create the scheduler", e);
    }
  }

  /**
   * When a monitor first runs: at the next instant, from {@code now} on, whose distance from the epoch is the
   * monitor's offset (a stable hash of its id, modulo the interval) plus a whole number of intervals.
   */
  static Instant firstRun(String monitorId, Duration interval, Instant now) {
    long period = interval.toMillis();
    long wait = Math.floorMod(offset(monitorId, interval) - now.toEpochMilli(), period);
    return now.plusMillis(wait);
  }

  /**
   * The monitor's slot in the interval, in milliseconds: the same in every run of the program. Monitors are spread
   * over the interval; from {@link #SLOTTED_FROM} on, in whole {@link #SLOT}s, so that the monitors of one slot fire
   * together: one wake-up of Quartz's thread takes them all (its batch acquisition), instead of one each. An idle
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

  @Override
  public void schedule(String monitorId, Duration interval, Runnable check) {
    if (interval.toMillis() < 1) throw new IllegalArgumentException("interval < 1ms: " + interval);
    JobKey key = new JobKey(monitorId, REPEATING);
    Trigger trigger = repeating(monitorId, interval, Instant.now());
    checks.put(key, check);
    call(() -> quartz.scheduleJob(job(key), Set.of(trigger), true));
  }

  @Override
  public void postpone(String monitorId, Duration interval, Duration delay) {
    JobKey oneShot = new JobKey(monitorId, ONE_SHOT);
    call(() -> quartz.deleteJob(oneShot));
    checks.remove(oneShot);
    Trigger later = repeating(monitorId, interval, Instant.now().plus(delay));
    call(() -> quartz.rescheduleJob(later.getKey(), later)); // null (nothing done) when it was unscheduled meanwhile
  }

  /** Every {@code interval} at the monitor's slot, from the first slot at or after {@code from}. */
  private static Trigger repeating(String monitorId, Duration interval, Instant from) {
    return TriggerBuilder.newTrigger()
        .withIdentity(monitorId, REPEATING)
        .forJob(monitorId, REPEATING)
        .startAt(Date.from(firstRun(monitorId, interval, from)))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(interval.toMillis())
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }

  @Override
  public void unschedule(String monitorId) {
    for (JobKey key : Set.of(new JobKey(monitorId, REPEATING), new JobKey(monitorId, ONE_SHOT))) {
      call(() -> quartz.deleteJob(key));
      checks.remove(key);
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
    checks.put(key, check);
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
    checks.forEach((key, check) -> {
      if (REPEATING.equals(key.getGroup())) all.add(check);
    });
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
    checks.clear();
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
