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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Noise control's tables in {@code DATA/vigil.db} (migration V2): notification decisions, silences, manual
 * quiet mode and pending wake ladders. Own connection, safe to call from any thread; other processes (the
 * command line) may write the same tables at the same time.
 */
public final class PolicyStore implements AutoCloseable {
  private static final ObjectMapper JSON = Json.MAPPER;
  private final Connection db;

  private PolicyStore(Connection db) {
    this.db = db;
  }

  /** Opens an already-migrated database file. */
  public static PolicyStore open(Path dbFile) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile, Database.config(false).toProperties());
      return new PolicyStore(c);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + dbFile + ": " + e.getMessage(), e);
    }
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

  public synchronized void record(Notification n) {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO notifications (time, alert_id, channel, level, outcome, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, n.time().toEpochMilli());
      if (n.alertId() == null) ps.setNull(2, Types.INTEGER);
      else ps.setLong(2, n.alertId());
      ps.setString(3, n.channel());
      ps.setString(4, n.level());
      ps.setString(5, n.outcome().label());
      ps.setString(6, n.reason());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record notification: " + e.getMessage(), e);
    }
  }

  /** The channels with a decision about {@code alertId} recorded at or after {@code since}. */
  public synchronized Set<String> channelsDecided(long alertId, Instant since) {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT DISTINCT channel FROM notifications WHERE time >= ? AND alert_id = ?")) {
      ps.setLong(1, since.toEpochMilli());
      ps.setLong(2, alertId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read notifications: " + e.getMessage(), e);
    }
    return out;
  }

  /** The alerts that have at least one decision recorded at or after {@code since}. */
  public synchronized Set<Long> alertsDecidedSince(Instant since) {
    Set<Long> out = new HashSet<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT DISTINCT alert_id FROM notifications WHERE time >= ? AND alert_id IS NOT NULL")) {
      ps.setLong(1, since.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read notifications: " + e.getMessage(), e);
    }
    return out;
  }

  /** Decisions at or after {@code since}, oldest first, at most {@code limit}. */
  public synchronized List<Notification> notifications(Instant since, int limit) {
    List<Notification> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT time, alert_id, channel, level, outcome, reason FROM notifications WHERE time >= ? ORDER BY time, id LIMIT ?")) {
      ps.setLong(1, since.toEpochMilli());
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long alert = rs.getLong(2);
          Long alertId = rs.wasNull() ? null : alert;
          out.add(new Notification(Instant.ofEpochMilli(rs.getLong(1)), alertId, rs.getString(3), rs.getString(4),
              Outcome.parse(rs.getString(5)), rs.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read notifications: " + e.getMessage(), e);
    }
    return out;
  }

  // ---- silences

  /** Saves a new silence and returns it with its id. */
  public synchronized Silence addSilence(Silence s) {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO silences (matchers, starts, ends, comment, created_by) VALUES (?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, JSON.writeValueAsString(s.matchers()));
      ps.setLong(2, s.starts().toEpochMilli());
      ps.setLong(3, s.ends().toEpochMilli());
      ps.setString(4, s.comment());
      ps.setString(5, s.createdBy());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return s.withId(keys.getLong(1));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("cannot add silence: " + e.getMessage(), e);
    }
  }

  /** Silences that have not ended by {@code now} (active or starting later), by id. */
  public synchronized List<Silence> silences(Instant now) {
    List<Silence> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT id, matchers, starts, ends, comment, created_by FROM silences WHERE ends > ? ORDER BY id")) {
      ps.setLong(1, now.toEpochMilli());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, String> matchers = JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() {});
          out.add(new Silence(rs.getLong(1), matchers, Instant.ofEpochMilli(rs.getLong(3)),
              Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6)));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("cannot read silences: " + e.getMessage(), e);
    }
    return out;
  }

  /** Ends a silence now; false when there is none with that id. */
  public synchronized boolean removeSilence(long id) {
    return update("DELETE FROM silences WHERE id = ?", ps -> ps.setLong(1, id)) > 0;
  }

  // ---- quiet mode

  /** The manual quiet mode as last set (it may have ended already: check {@link QuietMode#isActive}). */
  public synchronized Optional<QuietMode> quiet() {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT until, reason FROM quiet WHERE id = 1")) {
      if (!rs.next()) return Optional.empty();
      long until = rs.getLong(1);
      return Optional.of(new QuietMode(rs.wasNull() ? null : Instant.ofEpochMilli(until), rs.getString(2)));
    } catch (SQLException e) {
      throw new StoreException("cannot read quiet mode: " + e.getMessage(), e);
    }
  }

  public synchronized void setQuiet(QuietMode q) {
    update("INSERT INTO quiet (id, until, reason) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET until = excluded.until, reason = excluded.reason",
        ps -> {
          if (q.until() == null) ps.setNull(1, Types.INTEGER);
          else ps.setLong(1, q.until().toEpochMilli());
          ps.setString(2, q.reason());
        });
  }

  public synchronized void clearQuiet() {
    update("DELETE FROM quiet", ps -> {});
  }

  // ---- escalations

  public synchronized void saveEscalation(PendingEscalation e) {
    update("INSERT OR REPLACE INTO escalations (alert_id, step, next_at, receipt, started_at, acked_at) VALUES (?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setLong(1, e.alertId());
          ps.setInt(2, e.step());
          setInstant(ps, 3, e.nextAt());
          ps.setString(4, e.receipt());
          ps.setLong(5, e.startedAt().toEpochMilli());
          setInstant(ps, 6, e.ackedAt());
        });
  }

  public synchronized void deleteEscalation(long alertId) {
    update("DELETE FROM escalations WHERE alert_id = ?", ps -> ps.setLong(1, alertId));
  }

  public synchronized List<PendingEscalation> escalations() {
    List<PendingEscalation> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT alert_id, step, next_at, receipt, started_at, acked_at FROM escalations ORDER BY alert_id")) {
      while (rs.next()) {
        out.add(new PendingEscalation(rs.getLong(1), rs.getInt(2), instant(rs, 3), rs.getString(4),
            Instant.ofEpochMilli(rs.getLong(5)), instant(rs, 6)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read escalations: " + e.getMessage(), e);
    }
    return out;
  }

  /** The phone's acknowledgement tokens and reply cursors (V5), on this store's connection. */
  public PhoneAcks phoneAcks() {
    return new PhoneAcks(this, db);
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing: nothing left to do
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) ps.setNull(i, Types.INTEGER);
    else ps.setLong(i, t.toEpochMilli());
  }

  private static Instant instant(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
