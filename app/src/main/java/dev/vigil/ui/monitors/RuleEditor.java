package dev.vigil.ui.monitors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens a rules file at a line with the desktop's editor. xdg-open takes no line, so {@code $VISUAL} (else
 * {@code $EDITOR}), when set, is started as {@code EDITOR +LINE FILE}, the form vi, vim, nano, emacs, gedit, kate and
 * code's {@code -g}-less mode all read; otherwise the file is handed to the desktop ({@code xdg-open}) at its top. Call
 * it off the FX thread: it starts a process.
 */
public final class RuleEditor {
  private final Map<String, String> env;
  private final Consumer<String> openUrl;

  /** @param openUrl the desktop's opener (xdg-open) for when no editor is named */
  public RuleEditor(Map<String, String> env, Consumer<String> openUrl) {
    this.env = env;
    this.openUrl = openUrl;
  }

  /** The command that opens {@code file} at {@code line}, or empty when the desktop opener is used. */
  List<String> command(Path file, int line) {
    String editor = named("VISUAL") != null ? named("VISUAL") : named("EDITOR");
    if (editor == null) return List.of();
    List<String> cmd = new ArrayList<>(List.of(editor.strip().split("\\s+")));
    if (line > 0) cmd.add("+" + line);
    cmd.add(file.toString());
    return cmd;
  }

  /** Opens {@code file} at {@code line}; an editor that cannot start falls back to the desktop opener. */
  public void open(Path file, int line) throws IOException {
    List<String> cmd = command(file, line);
    if (!cmd.isEmpty()) {
      try {
        new ProcessBuilder(cmd).inheritIO().start();
        return;
      } catch (IOException noSuchEditor) {
        openUrl.accept(file.toUri().toString());
        throw new IOException("Could not start " + cmd.get(0) + " (from $VISUAL/$EDITOR); opened " + file.getFileName()
            + " with the desktop instead", noSuchEditor);
      }
    }
    openUrl.accept(file.toUri().toString());
  }

  private String named(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
