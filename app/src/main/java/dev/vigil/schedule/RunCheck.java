package dev.vigil.schedule;

import java.util.Map;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one Quartz job: starts the check held for its key, and keeps whatever the check throws from Quartz. */
final class RunCheck implements Job {
  private static final Logger log = LoggerFactory.getLogger(RunCheck.class);

  private final Map<JobKey, Runnable> checks;
  private final Lateness lateness;

  RunCheck(Map<JobKey, Runnable> checks, Lateness lateness) {
    this.checks = checks;
    this.lateness = lateness;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobKey key = context.getJobDetail().getKey();
    Runnable check = checks.get(key);
    if (check == null) return;
    if (QuartzScheduler.REPEATING.equals(context.getTrigger().getKey().getGroup())) {
      lateness.record(System.currentTimeMillis() - context.getScheduledFireTime().getTime());
    }
    try {
      check.run();
    } catch (Throwable t) {
      log.warn("check for monitor {} threw", key.getName(), t);
    }
  }
}
