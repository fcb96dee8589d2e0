package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeTest {
  @Test
  void aDarkGtkThemeMeansDark() {
    assertThat(Theme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), null)).isTrue();
  }

  @Test
  void gnomePreferringDarkMeansDark() {
    assertThat(Theme.prefersDark(Map.of(), "'prefer-dark'")).isTrue();
  }

  @Test
  void nothingKnownMeansLight() {
    assertThat(Theme.prefersDark(Map.of(), null)).isFalse();
    assertThat(Theme.prefersDark(Map.of(), "'default'")).isFalse();
  }

  @Test
  void vigilThemeOverridesTheDesktop() {
    assertThat(Theme.prefersDark(Map.of("VIGIL_THEME", "light", "GTK_THEME", "Adwaita:dark"), "'prefer-dark'")).isFalse();
  }
}
