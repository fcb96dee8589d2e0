package dev.vigil.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrayIconsTest {
  @Test
  void prefersTheExactSizeThenLargerThenSmaller() {
    assertThat(TrayIcons.candidates("ok", 24)).containsExactly(
        "/icons/tray-ok-24.png", "/icons/tray-ok-32.png", "/icons/tray-ok-48.png", "/icons/tray-ok-22.png", "/icons/tray-ok-16.png");
  }

  @Test
  void everyStateHasItsIconInEverySizeOnTheClasspath() {
    for (TrayState state : TrayState.values()) {
      for (int size : TrayIcons.SIZES) {
        assertThat(TrayIcons.class.getResource(TrayIcons.path(state.iconName(), size))).as(state + " at " + size).isNotNull();
      }
    }
    assertThat(TrayIcons.class.getResource(TrayIcons.path("critical-blink", 24))).isNotNull();
  }

  @Test
  void aMissingIconBecomesADrawnPlaceholderOfTheAskedSize() {
    assertThat(TrayIcons.load("no-such-state", 22).getWidth()).isEqualTo(22);
  }
}
