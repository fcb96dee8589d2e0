package dev.vigil.ui;

import java.util.Locale;
import java.util.Map;

/** Whether a desktop can be shown, decided without loading JavaFX or AWT. */
public final class DisplayCheck {
  private DisplayCheck() {}

  /**
   * On Linux and other X11/Wayland systems a display must be set; Windows and macOS always have one.
   *
   * @param osName the {@code os.name} system property
   */
  public static boolean isAvailable(Map<String, String> env, String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) return true;
    return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
