package dev.vigil.alert;

/** Hears committed alert changes. Called on the engine's pipeline thread: return quickly, never block on I/O. */
@FunctionalInterface
public interface AlertListener {
  void onChange(AlertChange change);
}
