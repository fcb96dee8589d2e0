package dev.vigil.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What intake remembers between runs (tables of {@code V3__intake.sql}): the last ping of each heartbeat and
 * whether it is down, and the Alertmanager silences Vigil created for acknowledged alerts. Lives in the same
 * {@code DATA/vigil.db} as the alerts, on a connection of its own; opening it migrates the file as the alert
 * store does. Every method is safe to call from any thread.
 */
public final class IntakeStore implements AutoCloseable {

  /** A heartbeat's remembered state. {@code lastPing} is null when no ping ever came. */
  public record HeartbeatState(String id, Instant lastPing, Instant watchingSince, boolean down) {
    public HeartbeatState {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(watchingSince, "watchingSince");
    }
  }

  private final Database db;

  private IntakeStore(Database db) {
    this.db = db;
  }

  /** Opens (creating and migrating when needed) {@code dataDir/vigil.db}. */
  public static IntakeStore open(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path database = DataFiles.prepare(dataDir);
    String url = "jdbc:sqlite:" + database.toAbsolutePath();
    Migrations.apply(url);
    IntakeStore store = new IntakeStore(Database.open(url, false));
    DataFiles.restrictSidecars(database);
    return store;
  }

  public Optional<HeartbeatState> heartbeat(String id) {
    return db.read(d -> d.queryOne(
        "SELECT id, last_ping, watching_since, down FROM heartbeats WHERE id = ?", IntakeStore::heartbeatState, id));
  }

  /** Every heartbeat ever watched, configured or not any more. */
  public List<HeartbeatState> heartbeats() {
    return db.read(d -> d.query("SELECT id, last_ping, watching_since, down FROM heartbeats ORDER BY id", IntakeStore::heartbeatState));
  }

  private static HeartbeatState heartbeatState(ResultSet row) throws SQLException {
    long lastPing = row.getLong(2);
    Instant last = row.wasNull() ? null : Instant.ofEpochMilli(lastPing);
    return new HeartbeatState(row.getString(1), last, Instant.ofEpochMilli(row.getLong(3)), row.getInt(4) == 1);
  }

  /** Inserts or replaces a heartbeat's state. */
  public void saveHeartbeat(HeartbeatState state) {
    Long lastPing = state.lastPing() == null ? null : state.lastPing().toEpochMilli();
    db.write(d -> d.update(
        "INSERT INTO heartbeats (id, last_ping, watching_since, down) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET last_ping = excluded.last_ping,"
            + " watching_since = excluded.watching_since, down = excluded.down",
        state.id(), lastPing, state.watchingSince().toEpochMilli(), state.down() ? 1 : 0));
  }

  /** Remembers the silence created in Alertmanager {@code source} for an alert (replacing an older one). */
  public void putSilence(long alertId, String source, String silenceId, Instant at) {
    db.write(d -> d.update(
        "INSERT OR REPLACE INTO am_silences (alert_id, source, silence_id, created_at) VALUES (?, ?, ?, ?)",
        alertId, source, silenceId, at.toEpochMilli()));
  }

  public Optional<String> silence(long alertId, String source) {
    return db.read(d -> d.queryOne(
        "SELECT silence_id FROM am_silences WHERE alert_id = ? AND source = ?", row -> row.getString(1), alertId, source));
  }

  /** Forgets an alert's silence; true when there was one. */
  public boolean removeSilence(long alertId, String source) {
    return db.write(d -> d.update("DELETE FROM am_silences WHERE alert_id = ? AND source = ?", alertId, source)) > 0;
  }

  @Override
  public void close() {
    db.close();
  }
}
