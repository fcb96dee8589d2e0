package dev.vigil.cli;

import dev.vigil.app.Desktop;
import dev.vigil.app.FirstRun;
import dev.vigil.app.Lifetime;
import dev.vigil.app.Logs;
import dev.vigil.app.SingleInstance;
import dev.vigil.app.Watch;
import dev.vigil.config.RuleProblem;
import dev.vigil.fleet.LoopbackFleet;
import dev.vigil.fleet.OnCallScenes;
import dev.vigil.os.DataDirs;
import dev.vigil.os.DataFolder;
import dev.vigil.rules.RulesLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "demo",
    description = "A simulated fleet on 127.0.0.1 plays classic on-call scenes, with Vigil watching it: alerts within a minute.")
final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder for the demo's alerts (default: a new temporary folder).")
  Path dataOption;
  @Option(names = "--headless", description = "No tray or windows: print each alert change as a line.") boolean headless;
  @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "Play the scenes N times as fast (default ${DEFAULT-VALUE}).")
  double speed;
  @Spec CommandSpec spec;
  @ParentCommand VigilCommand root;

  /** What a second launch on the demo's data folder does; the desktop wires it to open the inbox. */
  Runnable onShow = () -> log.info("asked to show the demo; this process has no window");
  final Lifetime lifetime = new Lifetime();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(speed > 0 && speed <= OnCallScenes.MAX_SPEED)) {
      err.printf("vigil demo: --speed must be more than 0 and at most 10, not %s%n", speed);
      err.flush();
      return 2;
    }
    DataDirs dirs = root == null ? DataDirs.current() : root.dirs();
    ZoneId zone = ZoneId.systemDefault();
    Path dataDir = dataOption != null ? dirs.expandHome(dataOption) : Files.createTempDirectory("vigil-demo-");
    DataFolder.create(DataDirOption.requireFolder(dataDir));

    Optional<SingleInstance> claimed = SingleInstance.claim(dataDir, () -> onShow.run());
    if (claimed.isEmpty()) {
      err.printf("vigil demo: Vigil is already running on %s; use another --data%n", dataDir);
      err.flush();
      return 1;
    }
    Path rulesDir = Files.createTempDirectory("vigil-demo-rules-");
    try (SingleInstance instance = claimed.get();
        LoopbackFleet fleet = LoopbackFleet.start();
        DemoLines lines = new DemoLines(out, zone)) {
      Logs.forDemo(dataDir.resolve("logs"));
      Optional<FirstRun> first = FirstRun.prepare(dirs, zone);
      if (first.isPresent()) {
        out.println(first.get().welcomeMessage());
        out.println();
        log.info("first run: {}", first.get().welcomeMessage().replace('\n', ' '));
      }
      Files.writeString(rulesDir.resolve("demo.yaml"), OnCallScenes.monitorsYaml(fleet, speed), StandardCharsets.UTF_8);
      Files.writeString(rulesDir.resolve("policy.yaml"), OnCallScenes.policyYaml(zone), StandardCharsets.UTF_8);
      RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, dirs.env());
      if (!loaded.ok()) {
        for (RuleProblem p : loaded.problems()) err.println(p.format());
        err.flush();
        throw new IllegalStateException("the demo's own rules do not load; this is a bug in vigil demo");
      }

      Clock clock = Clock.system(zone);
      Desktop desktop = Desktop.choose(headless, dirs, out);
      desktop.prepare();
      try (Watch watch = Watch.start(dataDir, loaded.rules(), rulesDir, dirs.env(), 0, clock, desktop.wiring())) {
        out.printf("Vigil demo: %d simulated services on http://127.0.0.1:%d/svc/ play on-call scenes"
                + " (%ds a round, then again).%n",
            OnCallScenes.services().size(), fleet.port(), Math.round(OnCallScenes.LENGTH.toSeconds() / speed));
        out.printf("Rules: %s%nData:  %s%n", rulesDir, dataDir);
        out.printf("In another terminal: vigil alerts --data %s%n", dataDir);
        out.println("Ctrl-C ends the demo.");
        out.flush();
        log.info("demo: fleet on port {}, rules in {}, data in {}", fleet.port(), rulesDir, dataDir);

        // The demo prints its alerts here either way; with a display, the tray app shows them too.
        onShow = desktop.start(watch, rulesDir, dirs, lifetime::stop);
        watch.engine().addListener(lines);
        try (OnCallScenes scenes = OnCallScenes.play(fleet, speed, caption -> lines.narrate(clock.instant(), caption))) {
          lifetime.await();
        }
      }
    } finally {
      deleteTree(rulesDir);
      lifetime.closed();
    }
    return 0;
  }

  private static void deleteTree(Path dir) {
    try {
      dev.vigil.os.FileTree.delete(dir);
    } catch (IOException e) {
      log.warn("could not remove the demo's rules folder {}: {}", dir, e.toString());
    }
  }
}
