package dev.vigil.notify;

import dev.vigil.alert.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The always-on-top acknowledge window of the wake ladder. The desktop UI implements it (calling
 * {@link Notifier#acknowledge} from its button); headless runs only log.
 */
public interface AckWindow {
  void show(Alert alert);

  void hide(long alertId);

  AckWindow LOG = new AckWindow() {
    private final Logger log = LoggerFactory.getLogger(AckWindow.class);

    @Override
    public void show(Alert alert) {
      log.warn("WAKE UP: {}: {} (vigil ack {})", alert.monitor(), alert.summary(), alert.id());
    }

    @Override
    public void hide(long alertId) {
      log.info("alert {} acknowledged: alarm stopped", alertId);
    }
  };
}
