package dev.vigil.ui;

import dev.vigil.alert.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The icons the windows share, one size for buttons. */
public final class Icons {
  public static final int SIZE = 18;

  private Icons() {}

  public static FontIcon of(Ikon ikon) {
    return FontIcon.of(ikon, SIZE);
  }

  public static FontIcon severity(Severity s) {
    FontIcon icon = switch (s) {
      case CRITICAL -> FontIcon.of(MaterialDesignA.ALERT_OCTAGON, SIZE);
      case WARNING -> FontIcon.of(MaterialDesignA.ALERT, SIZE);
      case INFO -> FontIcon.of(MaterialDesignI.INFORMATION_OUTLINE, SIZE);
    };
    icon.getStyleClass().add("severity-" + s.label());
    return icon;
  }
}
