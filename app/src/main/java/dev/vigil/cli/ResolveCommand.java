package dev.vigil.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "resolve", description = "Resolve an alert by hand. If the check still fails, a new alert opens after it is confirmed again.")
final class ResolveCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Parameters(index = "0", paramLabel = "ID", description = "Alert id (see vigil alerts).") long id;
  @Option(names = "--note", paramLabel = "TEXT", description = "What fixed it.") String note;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return AlertAction.apply(
        spec.commandLine(), data.existing(), id, "resolved",
        (store, now) -> store.resolve(id, note, Actor.cli(), now),
        api -> api.resolve(id, note, Actor.cli()));
  }
}
