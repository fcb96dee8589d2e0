package dev.vigil.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "snooze", description = "Silence an alert for a while; if it still fails afterwards, it fires again.")
final class SnoozeCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Parameters(index = "0", paramLabel = "ID", description = "Alert id (see vigil alerts).") long id;
  @Option(names = "--for", paramLabel = "DURATION", required = true, description = "How long, e.g. 15m, 1h.") String duration;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Duration d = Arguments.duration("--for", duration);
    java.time.Instant until = java.time.Instant.now().plus(d).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return AlertAction.apply(
        spec.commandLine(), data.existing(), id, "snoozed",
        (store, now) -> store.snooze(id, until, Actor.cli(), now),
        api -> api.snooze(id, until, Actor.cli()));
  }
}
