package dev.vigil.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ack", description = "Acknowledge an alert: it stops making noise (a running Vigil hears it within 1 s).")
final class AckCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Parameters(index = "0", paramLabel = "ID", description = "Alert id (see vigil alerts).") long id;
  @Option(names = "--note", paramLabel = "TEXT", description = "Why, or what you are doing about it.") String note;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return AlertAction.apply(
        spec.commandLine(), data.existing(), id, "acknowledged",
        (store, now) -> store.acknowledge(id, note, Actor.cli(), now),
        api -> api.acknowledge(id, note, Actor.cli()));
  }
}
