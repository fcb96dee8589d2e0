package dev.vigil.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;

/** Brings the schema up to date with classpath:db/migration (V1__alerts.sql, ...) when a store opens. */
final class Migrations {
  private static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  static void apply(String url) {
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
  }
}
