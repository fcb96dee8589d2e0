package dev.vigil.app;

import dev.vigil.api.ApiPortFile;
import dev.vigil.api.HttpServerLimits;
import dev.vigil.api.LocalApi;
import dev.vigil.check.Checkers;
import dev.vigil.check.HttpChecker;
import dev.vigil.heartbeat.Heartbeats;
import dev.vigil.http.Web;
import dev.vigil.source.AlertmanagerSilencer;
import dev.vigil.source.Sources;
import dev.vigil.store.IntakeStore;
import dev.vigil.engine.Engine;
import dev.vigil.engine.RulesWatcher;
import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.notify.DesktopNotifier;
import dev.vigil.notify.Notifier;
import dev.vigil.notify.SoundPlayer;
import dev.vigil.policy.Policy;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RuleSet;
import dev.vigil.schedule.QuartzScheduler;
import dev.vigil.shift.Shifts;
import dev.vigil.store.Backups;
import dev.vigil.store.PolicyStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code vigil run} (and {@code vigil demo}) starts, wired together: the store, the engine, and the
 * notifier with its wake ladder. The desktop and the local API attach to it.
 */
public final class Watch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Watch.class);
  /**
   * How often the rules folder is looked at when the OS tells of its changes (a safety net, and how soon a folder
   * replaced as a whole is noticed and watched again), and when it cannot.
   */
  static final Duration RULES_POLL_WITH_EVENTS = Duration.ofSeconds(10);
  static final Duration RULES_POLL = Duration.ofSeconds(2);

  private final SqliteStore store;
  private final PolicyStore policyStore;
  private final Engine engine;
  private final Notifier notifier;
  private final Clock clock;
  private final Path dataDir;
  private final ScheduledExecutorService reload;
  private final List<AutoCloseable> intake;
  private final Heartbeats heartbeats;
  /** The Alertmanager sources, for the board (set once, right after construction). */
  private volatile Sources sources;

  private Watch(Path dataDir, SqliteStore store, PolicyStore policyStore, Engine engine, Notifier notifier, Clock clock,
      ScheduledExecutorService reload, List<AutoCloseable> intake, Heartbeats heartbeats) {
    this.heartbeats = heartbeats;
    this.dataDir = dataDir;
    this.reload = reload;
    this.intake = intake;
    this.store = store;
    this.policyStore = policyStore;
    this.engine = engine;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** What the desktop supplies to the wake ladder; headless runs log instead of showing a window. */
  public record Desktop(AckWindow ackWindow, Alarm alarm) {
    public static Desktop headless() {
      return new Desktop(AckWindow.LOG, new SoundPlayer());
    }
  }

  /** Opens the data folder, starts watching {@code rules}, and reloads them as the files in {@code rulesDir} change. */
  public static Watch start(
      Path dataDir, RuleSet rules, Path rulesDir, Map<String, String> env, int apiPort, Clock clock, Desktop desktop) {
    HttpServerLimits.apply();
    // OkHttp's first client (its classes, the trust store) and the database open on two cores at once: start-up
    // is the time to the tray icon
    FutureTask<HttpChecker> checker = new FutureTask<>(() -> HttpChecker.create(clock));
    Thread early = new Thread(checker, "vigil-start-http");
    early.setDaemon(true);
    early.start();
    SqliteStore store = SqliteStore.openForWatching(dataDir, clock);
    PolicyStore policyStore = null;
    HttpChecker http;
    try {
      policyStore = PolicyStore.open(store.database());
      http = join(checker);
    } catch (RuntimeException | Error e) {
      if (policyStore != null) policyStore.close();
      store.close();
      throw e;
    }
    Engine engine = new Engine(rules, store, Checkers.create(clock, http), new QuartzScheduler(), clock);
    Policy policy = rules.policy();
    store.reopenWithin(policy.reopenWithin());
    Web web = Web.create(); // the channels' and sources' one client, built at their first request
    AtomicReference<Notifier> self = new AtomicReference<>();
    Notifier notifier =
        Notifier.builder(policy, policyStore, clock)
            .desktop(DesktopNotifier.create(id -> self.get().acknowledge(id)))
            .alarm(desktop.alarm())
            .ackWindow(desktop.ackWindow())
            .confirm(engine::stillFailing)
            .acknowledger((id, actor) -> store.acknowledge(id, null, actor, clock.instant()))
            .breakthrough(breakthrough(rules))
            .networkDown(engine::networkDown)
            .web(web)
            .build();
    self.set(notifier);
    notifier.maintenance(rules.maintenance());
    engine.addReloadListener(next -> notifier.maintenance(next.maintenance()));
    engine.addListener(notifier);
    engine.addCheckListener((monitor, verdict) -> notifier.observeCheck(monitor.id(), verdict.passed(), verdict.observation().at()));
    engine.addReloadListener(next -> {
      store.reopenWithin(next.policy().reopenWithin());
      notifier.update(next.policy(), breakthrough(next));
    });
    engine.backups(new Backups(dataDir));
    Shifts shifts = new Shifts(dataDir, clock, notifier::onCall);
    shifts.apply(rules.oncall(), policy.zone());
    engine.addReloadListener(next -> shifts.apply(next.oncall(), next.policy().zone()));
    IntakeStore intake = IntakeStore.open(dataDir);
    Heartbeats heartbeats = Heartbeats.start(rules.heartbeats(), intake, engine, clock);
    engine.heartbeatSink(heartbeats::ping);
    Sources sources = Sources.start(rules.sources(), engine, store, intake, web, AlertmanagerSilencer.DEFAULT_SILENCE, clock);
    engine.addListener(sources);
    engine.addReloadListener(next -> {
      heartbeats.reload(next.heartbeats());
      sources.reload(next.sources());
    });
    engine.start();
    notifier.resume(store.openAlerts(), clock.instant());
    notifier.start();
    log.info("notifier started: overnight {}, zone {}", policy.overnight(), policy.zone());
    RulesWatcher watcher = new RulesWatcher(rulesDir, env, engine, refused -> {});
    ScheduledExecutorService reload = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-rules-watch");
      t.setDaemon(true);
      return t;
    });
    // Change events from the OS make a reload quick and cost nothing while the rules stay as they are; the poll
    // is for file systems that send none.
    Duration every = watcher.watch(reload) ? RULES_POLL_WITH_EVENTS : RULES_POLL;
    reload.scheduleWithFixedDelay(watcher::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    LocalApi api = LocalApi.start(apiPort, dataDir, engine, store, clock);
    api.monitors(new LocalApi.Monitors() {
      @Override
      public List<Map<String, Object>> board(java.time.ZoneId zone) {
        return engine.board().stream().map(row -> row.toJson(zone)).toList();
      }

      @Override
      public boolean pause(String id, java.time.Instant until, String actor) {
        return engine.pause(id, until, actor);
      }

      @Override
      public boolean resume(String id, String actor) {
        return engine.resume(id, actor);
      }
    });
    log.info("local API on {}", api.address());
    Watch watch = new Watch(dataDir, store, policyStore, engine, notifier, clock, reload,
        List.of(watcher, () -> ApiPortFile.remove(dataDir), api::close, sources::close, heartbeats::close, intake::close, shifts),
        heartbeats);
    watch.sources = sources;
    api.status(() -> StatusReport.of(watch, rulesDir, api.port()));
    try {
      ApiPortFile.write(dataDir, api.port());
    } catch (java.io.IOException e) {
      log.warn("cannot write {}/api-port: the command line will write the database directly", dataDir, e);
    }
    return watch;
  }

  private static HttpChecker join(FutureTask<HttpChecker> checker) {
    try {
      return checker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The monitors whose alerts break through quiet mode. */
  static Set<String> breakthrough(RuleSet rules) {
    return rules.monitors().stream().filter(Monitor::breakthrough).map(Monitor::id).collect(Collectors.toUnmodifiableSet());
  }

  public SqliteStore store() {
    return store;
  }

  public PolicyStore policyStore() {
    return policyStore;
  }

  public Engine engine() {
    return engine;
  }

  /** The desktop's monitors board: the engine's monitors, then the heartbeats. */
  public List<dev.vigil.engine.MonitorRow> board() {
    List<dev.vigil.engine.MonitorRow> rows = new java.util.ArrayList<>(engine.board());
    rows.addAll(dev.vigil.engine.MonitorBoard.heartbeats(heartbeats.statuses(), store.openAlerts()));
    if (sources != null) rows.addAll(dev.vigil.engine.MonitorBoard.sources(sources.states()));
    return rows;
  }

  public Notifier notifier() {
    return notifier;
  }

  public Clock clock() {
    return clock;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    reload.shutdownNow();
    for (AutoCloseable c : intake) {
      try {
        c.close();
      } catch (Exception e) {
        log.warn("could not close {}", c, e);
      }
    }
    engine.close();
    notifier.close();
    policyStore.close();
    store.close();
  }
}
