package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.notify.AckWindow;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Platform;

/**
 * The desktop's {@link AckWindow} for the wake ladder. The notifier calls it on its own thread, possibly
 * before the window system is up: prompts asked for before then are shown once the app has started.
 */
final class WakePrompt implements AckWindow {
  private final Map<Long, Alert> pending = new LinkedHashMap<>();
  private Shell shell;

  @Override
  public synchronized void show(Alert alert) {
    if (shell == null) {
      pending.put(alert.id(), alert);
      return;
    }
    Shell s = shell;
    Platform.runLater(() -> s.promptAcknowledge(alert));
  }

  @Override
  public synchronized void hide(long alertId) {
    pending.remove(alertId);
    if (shell == null) return;
    Shell s = shell;
    Platform.runLater(() -> s.hidePrompt(alertId));
  }

  /** Called on the FX thread once the shell runs: shows what was asked for before. */
  synchronized void attach(Shell s) {
    shell = s;
    pending.values().forEach(s::promptAcknowledge);
    pending.clear();
  }
}
