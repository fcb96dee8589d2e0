package dev.vigil.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs TestFX view tests headless on Monocle with the software renderer. Declare it before
 * {@code ApplicationExtension}: {@code @ExtendWith({HeadlessFx.class, ApplicationExtension.class})}.
 * Run with {@code -Dvigil.fx.headless=false} to watch the tests on a real (or Xvfb) display.
 */
public final class HeadlessFx implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    if (Boolean.parseBoolean(System.getProperty("vigil.fx.headless", "true"))) {
      System.setProperty("testfx.robot", "glass");
      System.setProperty("testfx.headless", "true");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("java.awt.headless", "true");
    }
  }
}
