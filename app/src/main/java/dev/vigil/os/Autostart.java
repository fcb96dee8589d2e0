package dev.vigil.os;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starting Vigil to the tray when the user logs in, the way each OS does it: an XDG autostart entry on Linux,
 * the Run key of the registry on Windows, a LaunchAgent on macOS.
 */
public interface Autostart {
  /** Makes Vigil start at login with {@code command}. */
  void enable() throws IOException;

  /** Stops Vigil starting at login; nothing happens when it was off. */
  void disable() throws IOException;

  boolean enabled() throws IOException;

  /** Where the entry lives, for messages: a file, or a registry key. */
  String where();

  /**
   * The implementation for an OS.
   *
   * @param os the {@code os.name} system property
   * @param env the environment ({@code XDG_CONFIG_HOME})
   * @param command what starts Vigil to the tray, e.g. {@code [/opt/vigil/bin/vigil, run]}
   */
  static Autostart forOs(String os, Map<String, String> env, Path home, List<String> command) {
    String name = os.toLowerCase(Locale.ROOT);
    if (name.contains("win")) return new WindowsRunKey(command, Processes.SYSTEM);
    if (name.contains("mac")) return new MacLaunchAgent(home.resolve("Library/LaunchAgents"), command);
    String config = env.get("XDG_CONFIG_HOME");
    Path base = config == null || config.isBlank() ? home.resolve(".config") : Path.of(config);
    return new XdgAutostart(base.resolve("autostart"), command);
  }
}
