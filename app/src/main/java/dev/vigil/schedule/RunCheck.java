package dev.vigil.schedule;

import java.util.Map;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one Quartz job: starts a slot's checks, or a one-shot re-check, and keeps whatever a check throws from Quartz. */
final class RunCheck implements Job {
  private static final Logger log = LoggerFactory.getLogger(RunCheck.class);

  private final Map<JobKey, Slot> slots;
  private final Map<JobKey, Runnable> oneShots;
  private final Lateness lateness;

  RunCheck(Map<JobKey, Slot> slots, Map<JobKey, Runnable> oneShots, Lateness lateness) {
    this.slots = slots;
    this.oneShots = oneShots;
    this.lateness = lateness;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobKey key = context.getJobDetail().getKey();
    if (QuartzScheduler.REPEATING.equals(key.getGroup())) {
      Slot slot = slots.get(key);
      if (slot != null) slot.run(context.getScheduledFireTime().getTime(), lateness);
      return;
    }
    Runnable check = oneShots.get(key);
    if (check == null) return;
    try {
      check.run();
    } catch (Throwable t) {
      log.warn("check for monitor {} threw", key.getName(), t);
    }
  }
}
