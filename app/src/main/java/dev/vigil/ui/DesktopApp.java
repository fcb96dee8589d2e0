package dev.vigil.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop app: {@code DesktopApp.launch(ctx)} from {@code vigil run} without {@code --headless}.
 * Blocks until the user chooses Quit (after {@link DesktopContext#shutdown()} has run); call it from the
 * main thread, once per process. The app starts to the tray and opens no window by itself.
 */
public final class DesktopApp {
  private static volatile DesktopContext context;
  private static volatile boolean dark;
  private static volatile Shell shell;

  private DesktopApp() {}

  public static void launch(DesktopContext ctx) {
    context = Objects.requireNonNull(ctx, "ctx");
    dark = Theme.detectDark();
    System.setProperty("java.awt.headless", "false");
    Application.launch(Fx.class);
  }

  /**
   * The one time Vigil takes keyboard focus: opens the inbox in front, for the person to acknowledge a critical
   * alert. For the engine's wake ladder (e.g. a "popup" channel); safe from any thread; a no-op before launch.
   */
  public static void promptAcknowledge(dev.vigil.alert.Alert alert) {
    Shell s = shell;
    if (s != null) Platform.runLater(() -> s.promptAcknowledge(alert));
  }

  /** The JavaFX application; public only because JavaFX instantiates it by reflection. */
  public static final class Fx extends Application {
    @Override
    public void start(Stage ignored) {
      Platform.setImplicitExit(false);
      Theme.apply(dark);
      shell = new Shell(context, url -> getHostServices().showDocument(url));
      shell.start();
    }
  }
}
