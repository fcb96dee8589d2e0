package dev.vigil.store;

/**
 * The alerts, their timelines and check history, kept in SQLite in the data folder: all that {@link SqliteStore}
 * does. Consumers take the narrowest part: {@link AlertReader} to read, {@link AlertActions} for what people do
 * (both: {@link AlertDesk}), {@link EngineStore} for the engine's writes. Every method is safe to call from any
 * thread; none may be called on the JavaFX thread. Several processes may open the same data folder: a
 * {@code vigil ack} from the command line writes here and the running instance notices it through
 * {@link #dataVersion()}.
 */
public interface AlertStore extends AlertDesk, EngineStore, AutoCloseable {
  /** policy.yaml's {@code reopenWithin} when it says nothing. */
  java.time.Duration DEFAULT_REOPEN_WITHIN = java.time.Duration.ofMinutes(30);

  @Override
  void close();
}
