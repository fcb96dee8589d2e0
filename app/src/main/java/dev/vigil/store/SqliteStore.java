package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The store in {@code DATA/vigil.db}: SQLite in WAL mode, one connection that writes (one writer at a time)
 * and one read-only connection for reads, so a long engine batch does not hold up
 * the UI. Other processes (the command line) may open the same folder at the same time.
 */
public final class SqliteStore implements AlertStore {
  private static final String DATA_VERSION = "PRAGMA data_version";

  private final Path database;
  private final Database writer;
  private final Database reader;
  private final String recovery;
  /** This store's own commits that wrote to the alerts (see {@link #dataVersion()}). */
  private final AtomicLong alertWrites = new AtomicLong();
  private final java.util.List<Runnable> alertWriteListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** A fire this soon after the fingerprint's last alert resolved reopens it; an acknowledgement this soon after is accepted. */
  private volatile Duration reopenWithin = DEFAULT_REOPEN_WITHIN;
  /**
   * The ids of the monitors table's rows, by name, as committed: a check is then one statement. Rows are never
   * deleted; an id enters only after the transaction that found or made it committed (a rolled-back insert's id
   * could go to another name).
   */
  private final Map<String, Long> monitorIds = new java.util.concurrent.ConcurrentHashMap<>();

  private SqliteStore(Path database, Database writer, Database reader, String recovery) {
    this.database = database;
    this.writer = writer;
    this.reader = reader;
    this.recovery = recovery;
  }

  /**
   * Opens (creating if needed) the store in {@code dataDir} and brings its schema up to date. A database file
   * SQLite cannot read is refused with a message that says so; only {@link #openForWatching} repairs it.
   */
  /** Bytes of the database file and its write-ahead log on disk; 0 when there is none. Creates nothing. */
  public long databaseBytes() {
    long total = 0;
    for (String suffix : java.util.List.of("", "-wal", "-shm")) {
      try {
        total += java.nio.file.Files.size(database.resolveSibling(database.getFileName() + suffix));
      } catch (java.io.IOException absent) {
        // no such file: nothing to count
      }
    }
    return total;
  }

  public static SqliteStore open(Path dataDir, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Path database = DataFiles.prepare(dataDir);
    DatabaseRecovery.damage(database, false).ifPresent(damage -> {
      throw new StoreException("the database " + database + " is damaged (" + damage
          + "); start `vigil run` to move it aside and restore the latest backup", null);
    });
    return openFile(database, null);
  }

  /**
   * Opens an existing store to read, creating nothing: empty when the data folder has no database. The schema is
   * taken as it is; any write fails.
   */
  public static java.util.Optional<AlertStore> openExisting(Path dataDir) {
    Path database = dataDir.resolve("vigil.db");
    if (!java.nio.file.Files.isRegularFile(database)) return java.util.Optional.empty();
    Database reader = Database.open("jdbc:sqlite:" + database.toAbsolutePath(), true);
    return java.util.Optional.of(new SqliteStore(database, reader, reader, null));
  }

  /**
   * Opens the store for the watching process, which holds the data folder's lock: the database is checked
   * ({@code PRAGMA quick_check}) and, when damaged, moved aside and replaced by the latest automatic backup
   * (see {@link #recovery()}).
   */
  public static SqliteStore openForWatching(Path dataDir, Clock clock) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(clock, "clock");
    Path database = DataFiles.prepare(dataDir);
    String recovery = DatabaseRecovery.recover(dataDir, database, clock.instant()).orElse(null);
    if (recovery != null) DataFiles.prepare(dataDir);
    return openFile(database, recovery);
  }

  private static SqliteStore openFile(Path database, String recovery) {
    String url = "jdbc:sqlite:" + database.toAbsolutePath();
    Migrations.apply(url);
    Database writer = Database.open(url, false);
    Database reader;
    try {
      reader = Database.open(url, true);
    } catch (StoreException e) {
      writer.close();
      throw e;
    }
    DataFiles.restrictSidecars(database);
    return new SqliteStore(database, writer, reader, recovery);
  }

  /** What {@link #openForWatching} found and did about a damaged database, to tell the person; else empty. */
  public Optional<String> recovery() {
    return Optional.ofNullable(recovery);
  }

  /** The database file. */
  public Path database() {
    return database;
  }

  /** Waits while another process holds the write lock (see {@link Database#write}); the work runs once. */
  @Override
  public <T> T transaction(Function<EngineWrites, T> work) {
    Objects.requireNonNull(work, "work");
    EngineTransaction[] done = new EngineTransaction[1];
    T result = writer.write(db -> {
      EngineTransaction tx = new EngineTransaction(db, reopenWithin, monitorIds);
      T out = work.apply(tx);
      tx.flush();
      done[0] = tx;
      return out;
    });
    monitorIds.putAll(done[0].newMonitorIds());
    if (done[0].touchedAlerts()) alertsWritten();
    return result;
  }

  @Override
  public List<Alert> openAlerts() {
    return reader.read(db -> new Alerts(db).open());
  }

  @Override
  public List<AlertMark> openAlertMarks() {
    return reader.read(db -> new Alerts(db).openMarks());
  }

  @Override
  public Optional<Alert> find(long id) {
    return reader.read(db -> new Alerts(db).find(id));
  }

  @Override
  public Optional<Alert> findOpen(String fingerprint) {
    return reader.read(db -> new Alerts(db).findOpen(fingerprint));
  }

  @Override
  public Optional<Alert> acknowledge(long id, String note, String actor, Instant at) {
    return wroteAlerts(writer.write(db -> new Alerts(db).acknowledge(id, note, actor, at, cutoff(at))));
  }

  @Override
  public void reopenWithin(Duration within) {
    this.reopenWithin = Objects.requireNonNull(within, "within");
  }

  @Override
  public List<Alert> acknowledgedAfterResolve(Instant after) {
    return reader.read(db -> new Alerts(db).acknowledgedAfterResolve(after));
  }

  private Instant cutoff(Instant at) {
    return reopenWithin.isZero() ? null : at.minus(reopenWithin);
  }

  @Override
  public Optional<Alert> snooze(long id, Instant until, String actor, Instant at) {
    Objects.requireNonNull(until, "until");
    return wroteAlerts(writer.write(db -> new Alerts(db).snooze(id, until, actor, at)));
  }

  @Override
  public Optional<Alert> resolve(long id, String note, String actor, Instant at) {
    return wroteAlerts(writer.write(db -> new Alerts(db).resolve(id, note, actor, at)));
  }

  @Override
  public List<Alert> endSnoozes(Instant now) {
    List<Alert> ended = writer.write(db -> new Alerts(db).endSnoozes(now));
    if (!ended.isEmpty()) alertsWritten();
    return ended;
  }

  @Override
  public NoiseFacts noiseFacts(Instant since, Instant until) {
    return reader.read(db -> NoiseFacts.read(db, since, until));
  }

  @Override
  public Page<Alert> history(HistoryQuery query) {
    return reader.read(db -> new Alerts(db).history(query));
  }

  @Override
  public List<AlertEvent> timeline(long alertId) {
    return reader.read(db -> new Alerts(db).timeline(alertId));
  }

  @Override
  public Map<Long, Instant> firstAcknowledged(Collection<Long> alertIds) {
    if (alertIds.isEmpty()) return Map.of();
    return reader.read(db -> new Alerts(db).firstAcknowledged(alertIds));
  }

  @Override
  public void addEvent(AlertEvent event) {
    writer.write(db -> {
      new Alerts(db).addEvent(event.alertId(), event.time(), event.kind(), event.note(), event.actor());
      return null;
    });
    alertsWritten();
  }

  private <T> T wroteAlerts(T result) {
    alertsWritten();
    return result;
  }

  /** After a commit of this store that wrote to the alerts: moves the data version and tells the listeners. */
  private void alertsWritten() {
    alertWrites.incrementAndGet();
    for (Runnable listener : alertWriteListeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(SqliteStore.class).warn("alert write listener failed", e);
      }
    }
  }

  @Override
  public void whenAlertsWritten(Runnable listener) {
    alertWriteListeners.add(listener);
  }

  @Override
  public List<MinuteStat> checkStats(String monitor, Instant from, Instant to) {
    return reader.read(db -> new CheckHistory(db).checkStats(monitor, from, to));
  }

  @Override
  public List<MinuteStat> checkHours(String monitor, Instant from, Instant to) {
    return reader.read(db -> new CheckHistory(db).checkHours(monitor, from, to));
  }

  @Override
  public List<StateChange> stateChanges(String monitor, Instant from, Instant to) {
    return reader.read(db -> new CheckHistory(db).stateChanges(monitor, from, to));
  }

  @Override
  public void pause(String monitor, Instant until, String actor, Instant at) {
    writer.write(db -> {
      new MonitorPauses(db).pause(monitor, until, actor, at);
      return null;
    });
  }

  @Override
  public boolean resume(String monitor, Instant at) {
    return writer.write(db -> new MonitorPauses(db).resume(monitor, at));
  }

  @Override
  public Map<String, Instant> paused(Instant at) {
    return reader.read(db -> new MonitorPauses(db).paused(at));
  }

  /** The gaps (sleeps, clock jumps) that started in [from, to), oldest first. Not on {@link AlertStore}: only this store keeps them. */
  public List<Gap> gaps(Instant from, Instant to) {
    return reader.read(db -> new Gaps(db).list(from, to));
  }

  /**
   * Changes when another connection commits (SQLite's {@code PRAGMA data_version} on the writing connection, which
   * does not move for the writer's own commits: other processes, the command line) or when this store itself
   * wrote to the alerts. A transaction that only records checks (every passing check) leaves it as it was, so the
   * change watcher and the desktop's feed do not re-read the open alerts after each check.
   */
  @Override
  public long dataVersion() {
    long others = writer.read(db -> db.queryOne(DATA_VERSION, row -> row.getLong(1)).orElseThrow());
    return (others << 32) | (alertWrites.get() & 0xffff_ffffL);
  }

  @Override
  public int applyRetention(Instant now) {
    return writer.write(db -> new CheckHistory(db).applyRetention(now));
  }

  @Override
  public void close() {
    try {
      reader.close();
    } finally {
      writer.close();
    }
  }
}
