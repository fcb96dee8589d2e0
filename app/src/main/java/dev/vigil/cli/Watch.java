package dev.vigil.cli;

import dev.vigil.check.HttpChecker;
import dev.vigil.engine.Engine;
import dev.vigil.engine.RulesWatcher;
import dev.vigil.rules.RuleSet;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The engine watching one rules folder with its alerts in one data folder, reloading the rules as they change. */
final class Watch implements AutoCloseable {
  private final SqliteStore store;
  private final Engine engine;
  private final ScheduledExecutorService reload;

  private Watch(SqliteStore store, Engine engine, ScheduledExecutorService reload) {
    this.store = store;
    this.engine = engine;
    this.reload = reload;
  }

  static Watch start(RuleSet rules, Path rulesDir, Map<String, String> env, Path dataDir, Clock clock) {
    SqliteStore store = SqliteStore.open(dataDir, clock);
    Engine engine = new Engine(rules, store, HttpChecker.create(clock), new QuartzScheduler(), clock);
    engine.start();
    RulesWatcher watcher = new RulesWatcher(rulesDir, env, engine, problems -> {});
    ScheduledExecutorService reload = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-rules-watch");
      t.setDaemon(true);
      return t;
    });
    reload.scheduleWithFixedDelay(watcher::poll, 2, 2, TimeUnit.SECONDS);
    return new Watch(store, engine, reload);
  }

  Engine engine() {
    return engine;
  }

  SqliteStore store() {
    return store;
  }

  @Override
  public void close() {
    reload.shutdownNow();
    engine.close();
    store.close();
  }
}
