package dev.vigil.cli;

import dev.vigil.check.HttpChecker;
import dev.vigil.engine.Engine;
import dev.vigil.engine.RulesWatcher;
import dev.vigil.rules.RuleProblem;
import dev.vigil.rules.RulesLoader;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.Backups;
import dev.vigil.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", description = "Watch: check the rules' endpoints and keep alerts. Without --headless the tray app starts.")
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin DataDirOption data;
  @Mixin RulesDirOption rules;
  @Option(names = "--headless", description = "No tray or windows: watch and log only.") boolean headless;
  @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "17711", description = "Local API port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int apiPort;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    Path dataDir = data.resolve();
    Path rulesDir = rules.resolve();
    if (!Files.isDirectory(rulesDir)) {
      err.printf("vigil run: rules folder %s does not exist (use --rules DIR)%n", rulesDir);
      err.flush();
      return 1;
    }
    RulesLoader.LoadResult loaded = RulesLoader.load(rulesDir, System.getenv());
    if (!loaded.ok()) {
      for (RuleProblem p : loaded.problems()) err.println(p.format());
      err.printf("vigil run: %d problem(s) in %s; nothing started%n", loaded.problems().size(), rulesDir);
      err.flush();
      return 1;
    }
    // Owner-only from the first moment: the database, its backups and the API token live here.
    DataFolder.create(dataDir);
    Optional<InstanceLock> lock = InstanceLock.acquire(dataDir);
    if (lock.isEmpty()) {
      err.printf("vigil run: Vigil is already running on %s%n", dataDir);
      err.flush();
      return 1;
    }
    Logs.forRun(data.dir == null ? DataDirs.current().logs() : dataDir.resolve("logs"));

    Clock clock = Clock.systemDefaultZone();
    SqliteStore store = SqliteStore.openForWatching(dataDir, clock);
    store.recovery().ifPresent(message -> {
      err.println("vigil run: " + message);
      err.flush();
      log.error("{}", message);
    });
    Engine engine = new Engine(loaded.rules(), store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    engine.backups(new Backups(dataDir));
    engine.start();
    RulesWatcher watcher = new RulesWatcher(rulesDir, System.getenv(), engine, problems -> {});
    ScheduledExecutorService reload = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-rules-watch");
      t.setDaemon(true);
      return t;
    });
    reload.scheduleWithFixedDelay(watcher::poll, 2, 2, TimeUnit.SECONDS);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      reload.shutdownNow();
      engine.close();
      store.close();
      stopped.countDown();
    }, "vigil-shutdown"));

    var rs = loaded.rules();
    spec.commandLine().getOut().printf(
        "Vigil is watching %d monitors, %d heartbeats, %d sources from %s%nData: %s%n",
        rs.monitors().size(), rs.heartbeats().size(), rs.sources().size(), rulesDir, dataDir);
    spec.commandLine().getOut().flush();
    log.info("watching from {} with data in {}", rulesDir, dataDir);
    stopped.await();
    return 0;
  }
}
