package dev.vigil.ui;

import dev.vigil.notify.AckWindow;
import dev.vigil.ui.tray.VigilTray;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop app for {@code vigil run} without {@code --headless}, in two steps so the tray is up
 * sooner: {@link #prepare()} starts JavaFX (and reads the OS theme) on its own thread while the watch is still
 * opening the database, and {@link #show(DesktopContext)} puts the tray up as soon as both are ready. The app
 * starts to the tray and opens no window by itself, except the wake prompt the notifier asks for through
 * {@link #ackWindow()}. Once per process.
 */
public final class DesktopApp {
  private static final AtomicBoolean PREPARED = new AtomicBoolean();
  private static final CompletableFuture<HostServices> TOOLKIT = new CompletableFuture<>();
  private static final CountDownLatch EXITED = new CountDownLatch(1);
  private static volatile boolean dark;
  private static final WakePrompt PROMPT = new WakePrompt();
  private static volatile Shell shell;

  private DesktopApp() {}

  /** Starts the JavaFX toolkit on a thread of its own and returns at once. Calling it again does nothing. */
  public static void prepare() {
    if (!PREPARED.compareAndSet(false, true)) return;
    System.setProperty("java.awt.headless", "false");
    Thread toolkit = new Thread(() -> {
      try {
        dark = Theme.detectDark();
        Application.launch(Fx.class);
      } catch (RuntimeException | Error e) {
        TOOLKIT.completeExceptionally(e);
        throw e;
      } finally {
        EXITED.countDown();
      }
    }, "vigil-desktop");
    toolkit.setDaemon(true);
    toolkit.start();
  }

  /** Shows the tray for {@code ctx} once JavaFX is up (starting it if {@link #prepare()} was not called). Any thread. */
  public static void show(DesktopContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    prepare();
    TOOLKIT.thenAccept(host -> Platform.runLater(() -> {
      Shell started = new Shell(ctx, host::showDocument);
      started.start();
      PROMPT.attach(started);
      shell = started;
    }));
  }

  /** {@link #show} and wait until the user chooses Quit (after {@link DesktopContext#shutdown()} has run). */
  public static void launch(DesktopContext ctx) throws InterruptedException {
    show(ctx);
    EXITED.await();
  }

  /** Brings the inbox up (a second launch of Vigil on the same data folder asks for this). Any thread. */
  public static void showInbox() {
    Shell s = shell;
    if (s != null) Platform.runLater(s::openInbox);
  }

  /**
   * The wake ladder's acknowledge window for {@code Watch.Desktop}: always on top, focused on Acknowledge.
   * Safe to hand to the notifier before {@link #show}; prompts asked for earlier appear once the app is up.
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
      TOOLKIT.complete(getHostServices());
      // AWT's X11 toolkit, the tray's size and pictures, while the watch is still starting
      Thread warm = new Thread(VigilTray::warmUp, "vigil-tray-warmup");
      warm.setDaemon(true);
      warm.start();
    }
  }
}
