package dev.vigil.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens that let a page's Acknowledge button acknowledge its alert, and how far each reply topic has been
 * read (migration V5). Each page gets its own unguessable token, good once and for its alert only, kept in the
 * database so a page sent before a restart can still be answered after it. Shares the {@link PolicyStore}'s
 * connection and lock.
 */
public final class PhoneAcks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Object lock;
  private final Connection db;

  PhoneAcks(Object lock, Connection db) {
    this.lock = lock;
    this.db = db;
  }

  /** A new token for a page about {@code alertId} sent on {@code channel}: 128 random bits, hex. */
  public String issue(long alertId, String channel, Instant at) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    synchronized (lock) {
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT INTO phone_acks (token, alert_id, channel, created_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, token);
        ps.setLong(2, alertId);
        ps.setString(3, channel);
        ps.setLong(4, at.toEpochMilli());
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("cannot record an acknowledgement token: " + e.getMessage(), e);
      }
    }
    return token;
  }

  /**
   * Uses the token to acknowledge {@code alertId}: empty when accepted (the token is spent), else why it is refused:
   * not a token Vigil gave, given for another alert, or already used (a replay).
   */
  public Optional<String> redeem(long alertId, String token, Instant at) {
    synchronized (lock) {
      try (PreparedStatement ps = db.prepareStatement("SELECT alert_id, used_at FROM phone_acks WHERE token = ?")) {
        ps.setString(1, token);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.of("not a token Vigil gave");
          if (rs.getLong(1) != alertId) return Optional.of("the token was given for another alert");
          rs.getLong(2);
          if (!rs.wasNull()) return Optional.of("the token was used already (a replay)");
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read acknowledgement tokens: " + e.getMessage(), e);
      }
      try (PreparedStatement ps = db.prepareStatement(
          "UPDATE phone_acks SET used_at = ? WHERE token = ? AND used_at IS NULL")) {
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, token);
        if (ps.executeUpdate() == 0) return Optional.of("the token was used already (a replay)");
      } catch (SQLException e) {
        throw new StoreException("cannot spend an acknowledgement token: " + e.getMessage(), e);
      }
      return Optional.empty();
    }
  }

  /** When the oldest token not yet used was given, if any: where to start reading replies with no cursor. */
  public Optional<Instant> oldestOutstanding() {
    synchronized (lock) {
      try (PreparedStatement ps = db.prepareStatement("SELECT MIN(created_at) FROM phone_acks WHERE used_at IS NULL");
          ResultSet rs = ps.executeQuery()) {
        long t = rs.next() ? rs.getLong(1) : 0;
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
      } catch (SQLException e) {
        throw new StoreException("cannot read acknowledgement tokens: " + e.getMessage(), e);
      }
    }
  }

  /** The id of the last message read from {@code topic}, if any. */
  public Optional<String> cursor(String topic) {
    synchronized (lock) {
      try (PreparedStatement ps = db.prepareStatement("SELECT last_id FROM reply_cursors WHERE topic = ?")) {
        ps.setString(1, topic);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read the reply cursor: " + e.getMessage(), e);
      }
    }
  }

  public void cursor(String topic, String lastId) {
    synchronized (lock) {
      try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO reply_cursors (topic, last_id) VALUES (?, ?)")) {
        ps.setString(1, topic);
        ps.setString(2, lastId);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("cannot save the reply cursor: " + e.getMessage(), e);
      }
    }
  }
}
