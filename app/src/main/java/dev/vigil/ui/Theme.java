package dev.vigil.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer, light or dark following the desktop, plus Vigil's own large-type stylesheet. */
public final class Theme {
  private Theme() {}

  /**
   * Dark when {@code VIGIL_THEME=dark}, when {@code GTK_THEME} names a dark theme, or when GNOME's
   * color-scheme prefers dark; light otherwise. {@code gsettingsColorScheme} is the output of
   * {@code gsettings get org.gnome.desktop.interface color-scheme}, or null.
   */
  public static boolean prefersDark(Map<String, String> env, String gsettingsColorScheme) {
    String forced = env.getOrDefault("VIGIL_THEME", "").toLowerCase(Locale.ROOT);
    if (forced.equals("dark")) return true;
    if (forced.equals("light")) return false;
    if (env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT).contains("dark")) return true;
    return gsettingsColorScheme != null && gsettingsColorScheme.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** Asks GNOME for its color scheme; null when gsettings is missing or slow. Not for the FX thread. */
  static String gsettingsColorScheme() {
    try {
      Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
          .redirectErrorStream(true).start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroy();
        return null;
      }
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Detects the desktop's preference (may run a short process: call before the FX thread starts). */
  public static boolean detectDark() {
    Map<String, String> env = System.getenv();
    if (prefersDark(env, null) || !env.getOrDefault("VIGIL_THEME", "").isEmpty()) return prefersDark(env, null);
    return prefersDark(env, gsettingsColorScheme());
  }

  public static void apply(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
  }

  /** Adds Vigil's stylesheet (type sizes, spacing, severity colours) to a scene. */
  public static Scene style(Scene scene) {
    scene.getStylesheets().add(Theme.class.getResource("vigil.css").toExternalForm());
    return scene;
  }
}
