package dev.vigil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/** One SQLite connection, used by one thread at a time, with its prepared statements kept for reuse. */
final class Database implements AutoCloseable {
  static final int BUSY_TIMEOUT_MILLIS = 5_000;
  /** How long a write waits for another process to let go of the write lock, beyond SQLite's own busy timeout. */
  static final Duration BUSY_RETRY_LIMIT = Duration.ofSeconds(30);
  private static final long BUSY_PAUSE_MILLIS = 50;

  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();

  private Database(Connection connection) {
    this.connection = connection;
  }

  static SQLiteConfig config(boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    // 16 MiB of page cache (allocated as used, default 2 MiB): the indexes a batch of a thousand fires touches stay
    // in memory instead of being read back from the OS for every batch.
    config.setCacheSize(-16_384);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    if (readOnly) {
      config.setReadOnly(true);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    }
    return config;
  }

  static Database open(String url, boolean readOnly) {
    try {
      return new Database(config(readOnly).createConnection(url));
    } catch (SQLException e) {
      throw new StoreException("cannot open " + url, e);
    }
  }

  /** Runs {@code work} alone on this connection, outside any explicit transaction. */
  <T> T read(Function<Database, T> work) {
    lock.lock();
    try {
      return work.apply(this);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} in BEGIN IMMEDIATE ... COMMIT, rolling back when it throws. While another process
   * holds the write lock, waits for it (SQLite's busy timeout, then retries up to {@link #BUSY_RETRY_LIMIT}).
   */
  <T> T write(Function<Database, T> work) {
    lock.lock();
    try {
      begin();
      try {
        T result = work.apply(this);
        execute("COMMIT");
        return result;
      } catch (RuntimeException | Error e) {
        rollback(e);
        // A COMMIT that failed (disk full, I/O error) leaves the driver's cached statements unusable
        // ("statement is not executing" on the next BEGIN): prepare them afresh.
        forgetStatements(e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private void begin() {
    long deadline = System.nanoTime() + BUSY_RETRY_LIMIT.toNanos();
    while (true) {
      try {
        statement("BEGIN IMMEDIATE").execute();
        return;
      } catch (SQLException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) throw new StoreException("cannot start a write: " + e.getMessage(), e);
      }
      try {
        Thread.sleep(BUSY_PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while the database was busy", e);
      }
    }
  }

  private void rollback(Throwable cause) {
    try {
      statement("ROLLBACK").execute();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void forgetStatements(Throwable cause) {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
    statements.clear();
  }

  private static boolean isBusy(SQLException e) {
    return (e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code;
  }

  private void execute(String sql) {
    try {
      statement(sql).execute();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  int update(String sql, Object... params) {
    try {
      return bind(sql, params).executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  <T> List<T> query(String sql, Row<T> row, Object... params) {
    try (ResultSet rows = bind(sql, params).executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) result.add(row.read(rows));
      return result;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  <T> Optional<T> queryOne(String sql, Row<T> row, Object... params) {
    List<T> rows = query(sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private PreparedStatement bind(String sql, Object... params) throws SQLException {
    PreparedStatement statement = statement(sql);
    statement.clearParameters();
    for (int i = 0; i < params.length; i++) statement.setObject(i + 1, params[i]);
    return statement;
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  private static StoreException failed(String sql, SQLException e) {
    return new StoreException(e.getMessage() + " in: " + sql, e);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      for (PreparedStatement statement : statements.values()) statement.close();
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
