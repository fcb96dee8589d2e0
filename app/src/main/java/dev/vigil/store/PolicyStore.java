package dev.vigil.store;

import dev.vigil.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Noise control's tables in {@code DATA/vigil.db} (migration V2): notification decisions, silences, manual
 * quiet mode and pending wake ladders; and what a shift's hand-off tells, read from the alerts' tables. A {@link Database} of its own (its busy retry, its statement cache), safe to
 * call from any thread; other processes (the command line) may write the same tables at the same time.
 */
public final class PolicyStore implements AutoCloseable {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final TypeReference<Map<String, String>> MATCHERS = new TypeReference<>() {};
  private final Database db;

  private PolicyStore(Database db) {
    this.db = db;
  }

  /** Opens an already-migrated database file. */
  public static PolicyStore open(Path dbFile) {
    return new PolicyStore(Database.open("jdbc:sqlite:" + dbFile, false));
  }

  /**
   * Runs every migration in {@code classpath:db/migration} (V1, V2...) and opens {@code dataDir/vigil.db}; a
   * missing folder or database is created owner-only (0700, 0600), as {@link SqliteStore} does.
   */
  public static PolicyStore openMigrated(Path dataDir) {
    Path file = DataFiles.prepare(dataDir);
    migrate("jdbc:sqlite:" + file.toAbsolutePath());
    PolicyStore store = open(file.toAbsolutePath());
    DataFiles.restrictSidecars(file);
    return store;
  }

  /** Runs the migrations the same way {@link SqliteStore} does. */
  public static void migrate(String url) {
    Migrations.apply(url);
  }

  // ---- notifications

  public void record(Notification n) {
    write("cannot record notification", d -> d.update(
        "INSERT INTO notifications (time, alert_id, channel, level, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)",
        n.time().toEpochMilli(), n.alertId(), n.channel(), n.level(), n.outcome().label(), n.reason()));
  }

  /** The channels with a decision about {@code alertId} recorded at or after {@code since}. */
  public Set<String> channelsDecided(long alertId, Instant since) {
    return read("cannot read notifications", d -> new HashSet<>(d.query(
        "SELECT DISTINCT channel FROM notifications WHERE time >= ? AND alert_id = ?", r -> r.getString(1),
        since.toEpochMilli(), alertId)));
  }

  /** The alerts that have at least one decision recorded at or after {@code since}. */
  public Set<Long> alertsDecidedSince(Instant since) {
    return read("cannot read notifications", d -> new HashSet<>(d.query(
        "SELECT DISTINCT alert_id FROM notifications WHERE time >= ? AND alert_id IS NOT NULL", r -> r.getLong(1),
        since.toEpochMilli())));
  }

  /** Decisions at or after {@code since}, oldest first, at most {@code limit}. */
  public List<Notification> notifications(Instant since, int limit) {
    return read("cannot read notifications", d -> d.query(
        "SELECT time, alert_id, channel, level, outcome, reason FROM notifications WHERE time >= ? ORDER BY time, id LIMIT ?",
        r -> new Notification(Instant.ofEpochMilli(r.getLong(1)), longOrNull(r, 2), r.getString(3), r.getString(4),
            Outcome.parse(r.getString(5)), r.getString(6)),
        since.toEpochMilli(), limit));
  }

  // ---- hand-off

  /**
   * What the hand-off at {@code until} tells: the alerts fired and acknowledged since the last hand-off notice recorded,
   * or since {@code previousShift} (the start of the person's shift before this one) when that is later or no hand-off
   * was recorded, or since ever when neither is known. Read from the alerts' own tables, so a restart loses nothing.
   */
  public ShiftFacts shiftFacts(Instant previousShift, Instant until) {
    return read("cannot read the alerts since the last hand-off", d -> {
      Instant since = ShiftFacts.lastHandOff(d).orElse(Instant.EPOCH);
      if (previousShift != null && previousShift.isAfter(since)) since = previousShift;
      return ShiftFacts.read(d, since, until);
    });
  }

  // ---- silences

  /** Saves a new silence and returns it with its id. */
  public Silence addSilence(Silence s) {
    String matchers;
    try {
      matchers = JSON.writeValueAsString(s.matchers());
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot add silence: " + e.getMessage(), e);
    }
    long id = write("cannot add silence", d -> d.queryOne(
        "INSERT INTO silences (matchers, starts, ends, comment, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id",
        r -> r.getLong(1), matchers, s.starts().toEpochMilli(), s.ends().toEpochMilli(), s.comment(), s.createdBy())
        .orElseThrow());
    return s.withId(id);
  }

  /** Silences that have not ended by {@code now} (active or starting later), by id. */
  public List<Silence> silences(Instant now) {
    return read("cannot read silences", d -> d.query(
        "SELECT id, matchers, starts, ends, comment, created_by FROM silences WHERE ends > ? ORDER BY id",
        r -> new Silence(r.getLong(1), matchers(r.getString(2)), Instant.ofEpochMilli(r.getLong(3)),
            Instant.ofEpochMilli(r.getLong(4)), r.getString(5), r.getString(6)),
        now.toEpochMilli()));
  }

  private static Map<String, String> matchers(String json) throws SQLException {
    try {
      return JSON.readValue(json, MATCHERS);
    } catch (JsonProcessingException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  /** Ends a silence now; false when there is none with that id. */
  public boolean removeSilence(long id) {
    return write("cannot remove silence", d -> d.update("DELETE FROM silences WHERE id = ?", id)) > 0;
  }

  // ---- quiet mode

  /** The manual quiet mode as last set (it may have ended already: check {@link QuietMode#isActive}). */
  public Optional<QuietMode> quiet() {
    return read("cannot read quiet mode", d -> d.queryOne("SELECT until, reason FROM quiet WHERE id = 1",
        r -> new QuietMode(instant(r, 1), r.getString(2))));
  }

  public void setQuiet(QuietMode q) {
    write("cannot set quiet mode", d -> d.update(
        "INSERT INTO quiet (id, until, reason) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET until = excluded.until, reason = excluded.reason",
        millis(q.until()), q.reason()));
  }

  public void clearQuiet() {
    write("cannot clear quiet mode", d -> d.update("DELETE FROM quiet"));
  }

  // ---- escalations

  public void saveEscalation(PendingEscalation e) {
    write("cannot save escalation", d -> d.update(
        "INSERT OR REPLACE INTO escalations (alert_id, step, next_at, receipt, started_at, acked_at) VALUES (?, ?, ?, ?, ?, ?)",
        e.alertId(), e.step(), millis(e.nextAt()), e.receipt(), e.startedAt().toEpochMilli(), millis(e.ackedAt())));
  }

  public void deleteEscalation(long alertId) {
    write("cannot delete escalation", d -> d.update("DELETE FROM escalations WHERE alert_id = ?", alertId));
  }

  public List<PendingEscalation> escalations() {
    return read("cannot read escalations", d -> d.query(
        "SELECT alert_id, step, next_at, receipt, started_at, acked_at FROM escalations ORDER BY alert_id",
        r -> new PendingEscalation(r.getLong(1), r.getInt(2), instant(r, 3), r.getString(4),
            Instant.ofEpochMilli(r.getLong(5)), instant(r, 6))));
  }

  /** The phone's acknowledgement tokens and reply cursors (V5), on this store's database. */
  public PhoneAcks phoneAcks() {
    return new PhoneAcks(this);
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (StoreException e) {
      // closing: nothing left to do
    }
  }

  /** Reads on this store's connection; a failure says what was being done. */
  <T> T read(String what, Function<Database, T> work) {
    try {
      return db.read(work);
    } catch (StoreException e) {
      throw new StoreException(what + ": " + e.getMessage(), e);
    }
  }

  /** Writes in one transaction, waiting out another process's write lock; a failure says what was being done. */
  <T> T write(String what, Function<Database, T> work) {
    try {
      return db.write(work);
    } catch (StoreException e) {
      throw new StoreException(what + ": " + e.getMessage(), e);
    }
  }

  static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  static Long longOrNull(ResultSet r, int i) throws SQLException {
    long v = r.getLong(i);
    return r.wasNull() ? null : v;
  }

  static Instant instant(ResultSet r, int i) throws SQLException {
    Long v = longOrNull(r, i);
    return v == null ? null : Instant.ofEpochMilli(v);
  }
}
