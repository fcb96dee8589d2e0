package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The schema number kept in user_version lets an up-to-date database open without Flyway, and only then. */
class MigrationsTest {
  @TempDir Path dir;
  String url;

  @BeforeEach
  void setUp() {
    url = "jdbc:sqlite:" + dir.resolve("vigil.db");
  }

  @Test
  void theSchemaNumberIsTheNumberOfMigrations() throws IOException, URISyntaxException {
    Path folder = Path.of(Migrations.class.getResource("/db/migration").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.filter(f -> f.getFileName().toString().matches("V.*__.*\\.sql"))).hasSize(Migrations.SCHEMA);
    }
  }

  @Test
  void aNewDatabaseIsMigratedAndMarked() throws SQLException {
    Migrations.apply(url);

    assertThat(Migrations.schema(url)).isEqualTo(Migrations.SCHEMA);
    assertThat(tables()).contains("alerts", "quiet", "heartbeats", "am_silences", "gaps");
    assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE success")).containsExactly(String.valueOf(Migrations.SCHEMA));
  }

  @Test
  void aDatabaseMigratedBeforeTheMarkIsMarkedAndKeepsItsData() throws SQLException {
    flyway(null).migrate(); // as earlier builds left it: every migration, user_version 0
    exec("INSERT INTO quiet (id, until, reason) VALUES (1, 42, 'test')");
    assertThat(Migrations.schema(url)).isZero();

    Migrations.apply(url);

    assertThat(Migrations.schema(url)).isEqualTo(Migrations.SCHEMA);
    assertThat(query("SELECT until FROM quiet")).containsExactly("42");
    assertThat(query("SELECT count(*) FROM flyway_schema_history")).containsExactly(String.valueOf(Migrations.SCHEMA));
  }

  @Test
  void anOlderSchemaIsMigratedTheRestOfTheWay() throws SQLException {
    flyway("1").migrate();
    exec("PRAGMA user_version = 1");
    assertThat(tables()).contains("alerts").doesNotContain("quiet", "heartbeats");

    Migrations.apply(url);

    assertThat(tables()).contains("alerts", "gaps", "quiet", "heartbeats", "am_silences");
    assertThat(Migrations.schema(url)).isEqualTo(Migrations.SCHEMA);
  }

  @Test
  void aMarkedDatabaseOpensWithoutFlyway() throws SQLException {
    exec("PRAGMA user_version = " + Migrations.SCHEMA);

    Migrations.apply(url);

    assertThat(tables()).doesNotContain("flyway_schema_history");
  }

  private Flyway flyway(String target) {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (target != null) config.target(target);
    return config.load();
  }

  private List<String> tables() throws SQLException {
    return query("SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  private void exec(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement()) {
      sql.execute(statement);
    }
  }

  private List<String> query(String select) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(select)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) values.add(rs.getString(1));
      return values;
    }
  }
}
