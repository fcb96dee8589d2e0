package dev.vigil.os;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Linux and other XDG desktops: {@code $XDG_CONFIG_HOME/autostart/vigil.desktop}. */
final class XdgAutostart extends EntryFile {
  static final String FILE = "vigil.desktop";

  XdgAutostart(Path autostartDir, List<String> command) {
    super(autostartDir.resolve(FILE), command);
  }

  @Override
  String content() {
    return """
        [Desktop Entry]
        Type=Application
        Name=Vigil
        Comment=On-call night watch: starts to the tray at login
        Exec=%s
        Icon=vigil
        Terminal=false
        Categories=System;Monitor;
        X-GNOME-Autostart-enabled=true
        X-GNOME-Autostart-Delay=5
        """.formatted(exec(command));
  }

  /**
   * The Exec value: arguments with reserved characters are quoted, and inside quotes {@code " ` $ \} are escaped
   * with a backslash; then, as the Desktop Entry spec applies string escapes first, every backslash is doubled.
   * A {@code %} is written {@code %%}.
   */
  static String exec(List<String> command) {
    return command.stream().map(XdgAutostart::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    String value = arg.replace("%", "%%");
    boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> RESERVED.indexOf(c) >= 0);
    if (plain) return value;
    StringBuilder quoted = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '`' || c == '$' || c == '\\') quoted.append('\\');
      quoted.append(c);
    }
    return "\"" + quoted.toString().replace("\\", "\\\\") + "\"";
  }

  private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";
}
