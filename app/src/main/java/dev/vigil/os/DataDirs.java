package dev.vigil.os;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Vigil keeps things, by the conventions of each OS: XDG base directories on Linux,
 * %LOCALAPPDATA% / %APPDATA% on Windows, ~/Library on macOS.
 */
public final class DataDirs {
  private final Map<String, String> env;
  private final String os;
  private final Path home;

  /** For the given environment variables, {@code os.name} and home folder (tests give their own). */
  public DataDirs(Map<String, String> env, String os, Path home) {
    this.env = env;
    this.os = os.toLowerCase(Locale.ROOT);
    this.home = home;
  }

  public static DataDirs current() {
    return new DataDirs(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
  }

  /** Alerts database, API token, backups: {@code $XDG_DATA_HOME/vigil} or {@code ~/.local/share/vigil}. */
  public Path data() {
    if (os.contains("win")) return base("LOCALAPPDATA", home.resolve("AppData/Local")).resolve("Vigil");
    if (os.contains("mac")) return home.resolve("Library/Application Support/Vigil");
    return base("XDG_DATA_HOME", home.resolve(".local/share")).resolve("vigil");
  }

  /** The user's rules and policy: {@code $XDG_CONFIG_HOME/vigil/rules} or {@code ~/.config/vigil/rules}. */
  public Path rules() {
    if (os.contains("win")) return base("APPDATA", home.resolve("AppData/Roaming")).resolve("Vigil/rules");
    if (os.contains("mac")) return home.resolve("Library/Application Support/Vigil/rules");
    return base("XDG_CONFIG_HOME", home.resolve(".config")).resolve("vigil/rules");
  }

  /** Rolling logs: {@code $XDG_STATE_HOME/vigil/logs} or {@code ~/.local/state/vigil/logs}. */
  public Path logs() {
    if (os.contains("win")) return data().resolve("logs");
    if (os.contains("mac")) return home.resolve("Library/Logs/Vigil");
    return base("XDG_STATE_HOME", home.resolve(".local/state")).resolve("vigil/logs");
  }

  /**
   * {@code ~} or {@code ~/x} as the user's home: the shell does not expand it in {@code --data=~/x}, and picocli
   * does not either, which would make a folder named {@code ~} in the current one.
   */
  public Path expandHome(Path path) {
    String text = path.toString();
    if (text.equals("~")) return home;
    if (text.startsWith("~/") || text.startsWith("~\\")) return home.resolve(text.substring(2));
    return path;
  }

  public Map<String, String> env() {
    return env;
  }

  /** {@code os.name}, lower case. */
  public String os() {
    return os;
  }

  public Path home() {
    return home;
  }

  private Path base(String variable, Path fallback) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }
}
