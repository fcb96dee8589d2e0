package dev.vigil.ui.tray;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import java.awt.Image;
import java.awt.TrayIcon;
import javafx.stage.Stage;

/** FXTrayIcon whose picture is set straight on the AWT icon. */
final class DockedIcon extends FXTrayIcon {
  DockedIcon(Stage owner, Image image, int size) {
    super(owner, image, size, size);
    picture(image);
  }

  /**
   * Sets the picture directly on the AWT icon. FXTrayIcon's own setGraphic hands AWT an asynchronously scaled
   * image, which the X11 tray peer here painted as an empty square.
   */
  void picture(Image image) {
    TrayIcon icon = getTrayIcon();
    icon.setImageAutoSize(true);
    icon.setImage(image);
  }
}
