package dev.vigil.ui.tray;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import java.awt.Image;
import java.awt.TrayIcon;
import javafx.stage.Stage;

/** FXTrayIcon with its AWT icon reachable, so tests can find where it docked. */
final class DockedIcon extends FXTrayIcon {
  DockedIcon(Stage owner, Image image, int size) {
    super(owner, image, size, size);
  }

  TrayIcon awt() {
    return getTrayIcon();
  }
}
