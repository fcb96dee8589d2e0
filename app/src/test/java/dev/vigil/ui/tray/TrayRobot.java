package dev.vigil.ui.tray;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Optional;

/** Drives the real tray icon the way a person does: finds where it docked, right-clicks it, picks a menu item. */
public final class TrayRobot {
  private TrayRobot() {}

  /** True when an X display with a tray host (e.g. trayer) is there. */
  public static boolean trayHostPresent() {
    return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
  }

  /** The centre of our docked icon on screen (the XEmbed frame AWT puts inside the tray host). */
  public static Optional<Point> iconCentre() {
    for (Window w : Window.getWindows()) {
      if (w.getClass().getName().endsWith("XTrayIconEmbeddedFrame") && w.isShowing()) {
        Point p = w.getLocationOnScreen();
        return Optional.of(new Point(p.x + w.getWidth() / 2, p.y + w.getHeight() / 2));
      }
    }
    return Optional.empty();
  }

  /** How many clearly red pixels the docked icon shows (the critical icon is a red shield; an empty square has none). */
  public static int redPixelsInIcon() throws Exception {
    Point c = iconCentre().orElseThrow(() -> new IllegalStateException("the tray icon is not docked"));
    java.awt.image.BufferedImage shot = new Robot().createScreenCapture(new java.awt.Rectangle(c.x - 10, c.y - 10, 20, 20));
    int red = 0;
    for (int x = 0; x < shot.getWidth(); x++) {
      for (int y = 0; y < shot.getHeight(); y++) {
        java.awt.Color p = new java.awt.Color(shot.getRGB(x, y));
        if (p.getRed() > 150 && p.getGreen() < 90 && p.getBlue() < 90) red++;
      }
    }
    return red;
  }

  /** Right-clicks the icon, as a person opening its menu does, then closes the menu with Escape. */
  public static void openMenuAndClose() throws Exception {
    Point centre = iconCentre().orElseThrow(() -> new IllegalStateException("the tray icon is not docked"));
    Robot robot = new Robot();
    robot.setAutoDelay(60);
    robot.mouseMove(centre.x, centre.y);
    robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
    robot.delay(1_000); // the menu is up well before: Escape must reach it, or the next right-click only closes it
    robot.keyPress(KeyEvent.VK_ESCAPE);
    robot.keyRelease(KeyEvent.VK_ESCAPE);
    robot.delay(500);
  }

  /** Left-clicks the icon once. */
  public static void click() throws Exception {
    Point centre = iconCentre().orElseThrow(() -> new IllegalStateException("the tray icon is not docked"));
    Robot robot = new Robot();
    robot.setAutoDelay(60);
    robot.mouseMove(centre.x, centre.y);
    robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
  }

  /** Right-clicks the icon to open its menu, then moves down to the {@code position}-th item (1-based) and presses Enter. */
  public static void chooseFromMenu(int position) throws Exception {
    Point centre = iconCentre().orElseThrow(() -> new IllegalStateException("the tray icon is not docked"));
    Robot robot = new Robot();
    robot.setAutoDelay(60);
    robot.mouseMove(centre.x, centre.y);
    robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
    robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
    robot.delay(700);
    for (int i = 0; i < position; i++) {
      robot.keyPress(KeyEvent.VK_DOWN);
      robot.keyRelease(KeyEvent.VK_DOWN);
    }
    robot.keyPress(KeyEvent.VK_ENTER);
    robot.keyRelease(KeyEvent.VK_ENTER);
  }
}
