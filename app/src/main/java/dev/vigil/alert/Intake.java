package dev.vigil.alert;

import java.time.Instant;
import java.util.Optional;

/** The way in for everything that is not an HTTP check. Implemented by the engine. */
public interface Intake {
  /** Records a heartbeat ping; false when no heartbeat with that id is configured. */
  boolean heartbeat(String id, Instant at);

  /**
   * Fires, folds or resolves an external alert, committed before this returns (so the API answers 2xx only
   * after the write). The same payload twice makes one alert.
   */
  Optional<Alert> receive(ExternalAlert alert);
}
