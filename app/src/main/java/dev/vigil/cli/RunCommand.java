package dev.vigil.cli;

import dev.vigil.app.Desktop;
import dev.vigil.app.FirstRun;
import dev.vigil.app.Footprint;
import dev.vigil.app.Lifetime;
import dev.vigil.app.Logs;
import dev.vigil.app.SingleInstance;
import dev.vigil.app.Watch;
import dev.vigil.config.RuleProblem;
import dev.vigil.os.DataDirs;
import dev.vigil.os.DataFolder;
import dev.vigil.rules.RulesFolder;
import dev.vigil.rules.RulesLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = "Watch: check the rules' endpoints and keep alerts. Without --headless the tray app starts.")
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
  static final String ALREADY_RUNNING = "Vigil is already running; showing it";

  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Option(names = "--headless", description = "No tray or windows: watch and log only.") boolean headless;
  @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "17711", description = "Local API port on 127.0.0.1, 0 for any free one (default ${DEFAULT-VALUE}).")
  int apiPort;
  @Spec CommandSpec spec;
  @ParentCommand VigilCommand root;

  /** What a second launch on the same data folder does to this one. The desktop wires it to open the inbox. */
  Runnable onShow = () -> log.info("asked to show Vigil; this process has no window");
  /** Ends the watch (the tray's Quit, tests); Ctrl-C and SIGTERM do too. */
  final Lifetime lifetime = new Lifetime();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataDirs dirs = root == null ? DataDirs.current() : root.dirs();
    Path dataDir = data.resolve(dirs);
    Arguments.count("--api-port", apiPort, 0, 65_535);

    // Owner-only from the first moment: the database, its backups and the API token live here.
    DataFolder.create(DataDirOption.requireFolder(dataDir));
    Optional<SingleInstance> claimed = SingleInstance.claim(dataDir, () -> onShow.run());
    if (claimed.isEmpty()) {
      if (SingleInstance.showRunning(dataDir)) {
        out.println(ALREADY_RUNNING);
        out.flush();
        return 0;
      }
      err.printf("vigil run: Vigil is already running on %s%n", dataDir);
      err.flush();
      return 1;
    }
    try (SingleInstance instance = claimed.get()) {
      Logs.forRun(data.logs(dirs));
      Desktop desktop = Desktop.choose(headless, dirs, out);
      desktop.prepare(); // JavaFX starts while the rules load and the database opens
      if (!rules.explicit()) {
        Optional<FirstRun> first = FirstRun.prepare(dirs, ZoneId.systemDefault());
        if (first.isPresent()) {
          out.println(first.get().welcomeMessage());
          out.flush();
          log.info("first run: {}", first.get().welcomeMessage().replace('\n', ' '));
        }
      }
      Path rulesDir = rules.resolve(dirs);
      String unusable = RulesFolder.unusable(rulesDir);
      if (unusable != null) throw Refused.problem(unusable);
      RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, dirs.env());
      var problems = loaded.problems();
      if (!problems.isEmpty()) {
        for (RuleProblem p : problems) err.println(p.format());
        err.printf("vigil run: %d problem(s) in %s; nothing started%n", problems.size(), rulesDir);
        err.flush();
        return 1;
      }
      String empty = RulesFolder.nothingToWatch(loaded.rules());
      if (empty != null) throw Refused.problem(empty + "; nothing started");

      if (!portFree(apiPort)) {
        throw Refused.problem("cannot listen on 127.0.0.1:" + apiPort + ": the port is in use (by another Vigil or program;"
            + " choose another with --api-port)");
      }
      Footprint.keepSmall();
      try (Watch watch = Watch.start(dataDir, loaded.rules(), rulesDir, dirs.env(), apiPort, Clock.systemDefaultZone(), desktop.wiring())) {
        watch.store().recovery().ifPresent(message -> {
          err.println("vigil run: " + message);
          err.flush();
          log.error("{}", message);
        });
        var rs = loaded.rules();
        out.printf(
            "Vigil is watching %d monitors, %d heartbeats, %d sources from %s%nData: %s%n",
            rs.monitors().size(), rs.heartbeats().size(), rs.sources().size(), rulesDir, dataDir);
        out.flush();
        log.info("watching from {} with data in {}", rulesDir, dataDir);
        Runnable show = desktop.start(watch, rulesDir, dirs, lifetime::stop);
        onShow = show;
        lifetime.await();
      }
    } finally {
      lifetime.closed();
    }
    return 0;
  }

  /** Whether the local API could listen on {@code port} now: asked before anything starts, so a refusal leaves nothing running. */
  private static boolean portFree(int port) {
    if (port == 0) return true;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
