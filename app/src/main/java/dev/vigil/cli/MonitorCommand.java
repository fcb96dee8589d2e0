package dev.vigil.cli;

import dev.vigil.api.ApiClient;
import dev.vigil.api.ApiPortFile;
import dev.vigil.config.Durations;
import dev.vigil.rules.RulesLoader;
import dev.vigil.store.AlertStore;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil monitor pause|resume|add}: one monitor at a time. Pausing goes through the running Vigil's local API
 * when one watches the data folder (it stops checking at once), else into the database, where the next
 * {@code vigil run} finds it.
 */
@Command(
    name = "monitor",
    description = "Pause, resume or add one monitor.",
    subcommands = {MonitorCommand.Pause.class, MonitorCommand.Resume.class, MonitorAddCommand.class})
final class MonitorCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: pause, resume or add");
  }

  @Command(name = "pause", description = "No checks of the monitor until the time is up (shown as paused on the board).")
  static final class Pause implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Mixin RulesDirOption rules;
    @Parameters(index = "0", paramLabel = "ID", description = "Monitor id (see vigil monitors).") String id;
    @Option(names = "--for", paramLabel = "D", required = true, description = "How long, e.g. 30m, 2h.") String duration;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Duration d;
      try {
        d = Durations.parse(duration);
      } catch (IllegalArgumentException e) {
        err.println("vigil monitor pause: --for: " + e.getMessage());
        err.flush();
        return 2;
      }
      Instant until = Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS);
      Path dataDir = data.resolve();
      Optional<ApiClient> running = ApiPortFile.runningInstance(dataDir);
      if (running.isPresent()) {
        try {
          ApiClient.Response r = running.get().pauseMonitor(id, until, Actor.cli());
          if (r.status() == 404) return refuse(err, "no monitor \"" + id + "\" is watched by the running Vigil");
          if (r.ok()) {
            out.printf("monitor \"%s\" paused until %s (by the running Vigil)%n", id, Terminal.time(until));
            out.flush();
            return 0;
          }
        } catch (IOException e) {
          // it went away: write the database instead
        }
      }
      Path dir = rules.resolve();
      if (RulesLoader.load(dir, System.getenv()).rules().monitors().stream().noneMatch(m -> m.id().equals(id))) {
        return refuse(err, "no monitor \"" + id + "\" in " + dir);
      }
      try (AlertStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
        store.pause(id, until, Actor.cli(), Instant.now());
      }
      out.printf("monitor \"%s\" paused until %s%n", id, Terminal.time(until));
      out.flush();
      return 0;
    }
  }

  @Command(name = "resume", description = "End a monitor's pause: it is checked again at once.")
  static final class Resume implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Parameters(index = "0", paramLabel = "ID", description = "Monitor id.") String id;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path dataDir = data.resolve();
      Optional<ApiClient> running = ApiPortFile.runningInstance(dataDir);
      Boolean was = null;
      String by = "";
      if (running.isPresent()) {
        try {
          ApiClient.Response r = running.get().resumeMonitor(id, Actor.cli());
          if (r.ok()) {
            was = Terminal.JSON.readTree(r.body()).path("wasPaused").asBoolean();
            by = " (by the running Vigil)";
          }
        } catch (IOException e) {
          // it went away: write the database instead
        }
      }
      if (was == null) {
        Optional<AlertStore> existing = SqliteStore.openExisting(dataDir);
        if (existing.isEmpty()) {
          was = false;
        } else {
          existing.get().close();
          try (AlertStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
            was = store.resume(id, Instant.now());
          }
        }
      }
      out.printf(was ? "monitor \"%s\" resumed%s%n" : "monitor \"%s\" was not paused%s%n", id, by);
      out.flush();
      return 0;
    }
  }

  private static int refuse(PrintWriter err, String why) {
    err.println("vigil monitor pause: " + why);
    err.flush();
    return 1;
  }
}
