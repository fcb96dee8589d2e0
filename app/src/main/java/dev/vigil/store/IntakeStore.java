package dev.vigil.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * What intake remembers between runs: the last ping of each heartbeat and the Alertmanager silences Vigil
 * created for acknowledged alerts (tables of {@code V3__intake.sql}). Lives in the same SQLite file as the
 * alerts; opening it migrates that file (all of {@code db/migration}, as the alert store does).
 * Every method is safe to call from any thread.
 */
public final class IntakeStore implements AutoCloseable {

  /** A heartbeat's remembered state. {@code lastPing} is null when no ping ever came. */
  public record HeartbeatState(String id, Instant lastPing, Instant watchingSince, boolean down) {}

  private final Connection connection;

  private IntakeStore(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating and migrating when needed) the SQLite database file. */
  public static IntakeStore open(Path databaseFile) {
    String url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
    try {
      Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
      Connection connection = DriverManager.getConnection(url);
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
      }
      return new IntakeStore(connection);
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException("cannot open " + databaseFile + ": " + e.getMessage(), e);
    }
  }

  public synchronized Optional<HeartbeatState> heartbeat(String id) {
    String sql = "SELECT id, last_ping, watching_since, down FROM heartbeats WHERE id = ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next()) return Optional.empty();
        long lastPing = row.getLong(2);
        Instant last = row.wasNull() ? null : Instant.ofEpochMilli(lastPing);
        return Optional.of(new HeartbeatState(row.getString(1), last, Instant.ofEpochMilli(row.getLong(3)), row.getInt(4) == 1));
      }
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Inserts or replaces a heartbeat's state. */
  public synchronized void saveHeartbeat(HeartbeatState state) {
    String sql = "INSERT INTO heartbeats (id, last_ping, watching_since, down) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET last_ping = excluded.last_ping,"
        + " watching_since = excluded.watching_since, down = excluded.down";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, state.id());
      if (state.lastPing() == null) s.setNull(2, Types.INTEGER);
      else s.setLong(2, state.lastPing().toEpochMilli());
      s.setLong(3, state.watchingSince().toEpochMilli());
      s.setInt(4, state.down() ? 1 : 0);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Remembers the silence created in Alertmanager {@code source} for an alert (replacing an older one). */
  public synchronized void putSilence(long alertId, String source, String silenceId, Instant at) {
    String sql = "INSERT OR REPLACE INTO am_silences (alert_id, source, silence_id, created_at) VALUES (?, ?, ?, ?)";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, alertId);
      s.setString(2, source);
      s.setString(3, silenceId);
      s.setLong(4, at.toEpochMilli());
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  public synchronized Optional<String> silence(long alertId, String source) {
    String sql = "SELECT silence_id FROM am_silences WHERE alert_id = ? AND source = ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, alertId);
      s.setString(2, source);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Forgets an alert's silence; true when there was one. */
  public synchronized boolean removeSilence(long alertId, String source) {
    String sql = "DELETE FROM am_silences WHERE alert_id = ? AND source = ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, alertId);
      s.setString(2, source);
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private static IllegalStateException failed(String sql, SQLException e) {
    return new IllegalStateException(e.getMessage() + " in: " + sql, e);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the intake store: " + e.getMessage(), e);
    }
  }
}
