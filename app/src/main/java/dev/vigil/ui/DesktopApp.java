package dev.vigil.ui;

import dev.vigil.notify.AckWindow;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop app: {@code DesktopApp.launch(ctx)} from {@code vigil run} without {@code --headless}.
 * Blocks until the user chooses Quit (after {@link DesktopContext#shutdown()} has run); call it from the
 * main thread, once per process. The app starts to the tray and opens no window by itself, except the wake
 * prompt the notifier asks for through {@link #ackWindow()}.
 */
public final class DesktopApp {
  private static volatile DesktopContext context;
  private static volatile boolean dark;
  private static final WakePrompt PROMPT = new WakePrompt();
  private static volatile Shell shell;

  private DesktopApp() {}

  public static void launch(DesktopContext ctx) {
    context = Objects.requireNonNull(ctx, "ctx");
    dark = Theme.detectDark();
    System.setProperty("java.awt.headless", "false");
    Application.launch(Fx.class);
  }

  /** Brings the inbox up (a second launch of Vigil on the same data folder asks for this). Any thread. */
  public static void showInbox() {
    Shell s = shell;
    if (s != null) Platform.runLater(s::openInbox);
  }

  /**
   * The wake ladder's acknowledge window for {@code Watch.Desktop}: always on top, focused on Acknowledge.
   * Safe to hand to the notifier before {@link #launch}; prompts asked for earlier appear once the app is up.
   */
  public static AckWindow ackWindow() {
    return PROMPT;
  }

  /** The JavaFX application; public only because JavaFX instantiates it by reflection. */
  public static final class Fx extends Application {
    @Override
    public void start(Stage ignored) {
      Platform.setImplicitExit(false);
      Theme.apply(dark);
      Shell started = new Shell(context, url -> getHostServices().showDocument(url));
      started.start();
      PROMPT.attach(started);
      shell = started;
    }
  }
}
