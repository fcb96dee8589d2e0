package dev.vigil.ui.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Open rule: the user's editor at the monitor's line when one is named, else the desktop's opener at the file. */
class RuleEditorTest {
  final List<String> desktop = new ArrayList<>();
  final Path file = Path.of("/home/me/rules/alerts.yaml");

  @Test
  void visualComesBeforeEditorAndGetsTheLine() {
    assertThat(new RuleEditor(Map.of("VISUAL", "code --wait", "EDITOR", "vi"), desktop::add).command(file, 12))
        .containsExactly("code", "--wait", "+12", "/home/me/rules/alerts.yaml");
    assertThat(new RuleEditor(Map.of("EDITOR", "nano", "VISUAL", " "), desktop::add).command(file, 3))
        .as("a blank VISUAL is not set").containsExactly("nano", "+3", "/home/me/rules/alerts.yaml");
  }

  @Test
  void withoutAnEditorTheDesktopOpensTheFile() throws Exception {
    RuleEditor editor = new RuleEditor(Map.of(), desktop::add);
    assertThat(editor.command(file, 12)).isEmpty();
    editor.open(file, 12);
    assertThat(desktop).containsExactly("file:///home/me/rules/alerts.yaml");
  }

  @Test
  void anEditorThatCannotStartFallsBackToTheDesktopAndSaysSo() {
    RuleEditor editor = new RuleEditor(Map.of("EDITOR", "/nonexistent/editor"), desktop::add);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> editor.open(file, 12))
        .hasMessage("Could not start /nonexistent/editor (from $VISUAL/$EDITOR); opened alerts.yaml with the desktop instead");
    assertThat(desktop).containsExactly("file:///home/me/rules/alerts.yaml");
  }
}
