package dev.vigil.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens that let a page's Acknowledge button acknowledge its alert, and how far each reply topic has been
 * read (migration V5). Each page gets its own unguessable token, good once and for its alert only, kept in the
 * database so a page sent before a restart can still be answered after it. Goes through the {@link PolicyStore}'s
 * database.
 */
public final class PhoneAcks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final PolicyStore store;

  PhoneAcks(PolicyStore store) {
    this.store = store;
  }

  /** A new token for a page about {@code alertId} sent on {@code channel}: 128 random bits, hex. */
  public String issue(long alertId, String channel, Instant at) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    store.write("cannot record an acknowledgement token", d -> d.update(
        "INSERT INTO phone_acks (token, alert_id, channel, created_at) VALUES (?, ?, ?, ?)", token, alertId, channel, at.toEpochMilli()));
    return token;
  }

  /**
   * Uses the token to acknowledge {@code alertId}: empty when accepted (the token is spent), else why it is refused:
   * not a token Vigil gave, given for another alert, or already used (a replay).
   */
  public Optional<String> redeem(long alertId, String token, Instant at) {
    return store.write("cannot spend an acknowledgement token", d -> {
      record Given(long alertId, Long usedAt) {}
      Optional<Given> given = d.queryOne("SELECT alert_id, used_at FROM phone_acks WHERE token = ?",
          r -> new Given(r.getLong(1), PolicyStore.longOrNull(r, 2)), token);
      if (given.isEmpty()) return Optional.of("not a token Vigil gave");
      if (given.get().alertId() != alertId) return Optional.of("the token was given for another alert");
      if (given.get().usedAt() != null) return Optional.of("the token was used already (a replay)");
      if (d.update("UPDATE phone_acks SET used_at = ? WHERE token = ? AND used_at IS NULL", at.toEpochMilli(), token) == 0) {
        return Optional.of("the token was used already (a replay)");
      }
      return Optional.<String>empty();
    });
  }

  /** When the oldest token not yet used was given, if any: where to start reading replies with no cursor. */
  public Optional<Instant> oldestOutstanding() {
    return store.read("cannot read acknowledgement tokens", d -> d.queryOne(
        "SELECT MIN(created_at) FROM phone_acks WHERE used_at IS NULL", r -> Optional.ofNullable(PolicyStore.instant(r, 1))))
        .flatMap(o -> o);
  }

  /** The id of the last message read from {@code topic}, if any. */
  public Optional<String> cursor(String topic) {
    return store.read("cannot read the reply cursor", d -> d.queryOne(
        "SELECT last_id FROM reply_cursors WHERE topic = ?", r -> r.getString(1), topic));
  }

  public void cursor(String topic, String lastId) {
    store.write("cannot save the reply cursor", d -> d.update(
        "INSERT OR REPLACE INTO reply_cursors (topic, last_id) VALUES (?, ?)", topic, lastId));
  }
}
