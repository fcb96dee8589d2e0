package dev.vigil.store;

import java.time.Instant;
import java.util.List;

/** The gaps table: stretches of time the engine could not watch (a sleep, a clock jump). */
final class Gaps {
  private static final String RECORD = "INSERT INTO gaps (started, ended, reason) VALUES (?, ?, ?)";
  private static final String LIST =
      "SELECT started, ended, reason FROM gaps WHERE started >= ? AND started < ? ORDER BY started";

  private final Database db;

  Gaps(Database db) {
    this.db = db;
  }

  void record(Instant started, Instant ended, String reason) {
    db.update(RECORD, started.toEpochMilli(), ended.toEpochMilli(), reason);
  }

  List<Gap> list(Instant from, Instant to) {
    return db.query(LIST, row -> new Gap(Instant.ofEpochMilli(row.getLong(1)), Instant.ofEpochMilli(row.getLong(2)),
        row.getString(3)), from.toEpochMilli(), to.toEpochMilli());
  }
}
