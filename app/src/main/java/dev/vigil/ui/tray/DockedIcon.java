package dev.vigil.ui.tray;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import java.awt.Image;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javafx.application.Platform;
import javafx.stage.Stage;

/** FXTrayIcon whose picture is set straight on the AWT icon. */
final class DockedIcon extends FXTrayIcon {
  DockedIcon(Stage owner, Image image, int size) {
    super(owner, image, size, size);
    picture(image);
  }

  /** Runs {@code action} on the FX thread after a plain left-click; the menu's gesture (right-click) does not. */
  void onLeftClick(Runnable action) {
    getTrayIcon().addMouseListener(new MouseAdapter() {
      @Override
      public void mouseClicked(MouseEvent e) {
        if (isLeftClick(e)) Platform.runLater(action);
      }
    });
  }

  /** A plain left-click, not the platform's menu gesture (right-click, or Ctrl-click on macOS). */
  static boolean isLeftClick(MouseEvent e) {
    return e.getButton() == MouseEvent.BUTTON1 && !e.isPopupTrigger() && !e.isControlDown();
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
