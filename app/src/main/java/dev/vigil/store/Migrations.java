package dev.vigil.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;

/**
 * Brings the schema up to date with classpath:db/migration (V1__alerts.sql, ...) when a store opens. Flyway is the
 * source of truth, but it costs about half a second of start-up on a 2-core machine (it scans the jar and loads
 * some 700 classes), so after it has migrated a database the schema's number is kept in SQLite's
 * {@code PRAGMA user_version}; a database already at {@link #SCHEMA} opens without Flyway.
 */
final class Migrations {
  private static final String LOCATION = "classpath:db/migration";
  /**
   * How many migrations this build has (the files in db/migration; {@code MigrationsTest} keeps the two equal). A
   * database whose user_version differs, older or newer, goes through Flyway, as every database did before.
   */
  static final int SCHEMA = 8;

  private Migrations() {}

  static void apply(String url) {
    if (schema(url) == SCHEMA) return;
    SQLiteDataSource dataSource = new SQLiteDataSource(Database.config(false));
    dataSource.setUrl(url);
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(LOCATION)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate " + url + ": " + e.getMessage(), e);
    }
    try (Connection c = Database.config(false).createConnection(url); Statement sql = c.createStatement()) {
      sql.execute("PRAGMA user_version = " + SCHEMA);
    } catch (SQLException e) {
      throw new StoreException("cannot mark the schema of " + url + ": " + e.getMessage(), e);
    }
  }

  /** The schema number kept in the database (0 for a new one, or one Flyway migrated before this was kept). */
  static int schema(String url) {
    try (Connection c = Database.config(false).createConnection(url);
        Statement sql = c.createStatement();
        ResultSet rs = sql.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
    }
  }
}
