package dev.vigil.app;

import dev.vigil.notify.SoundPlayer;
import dev.vigil.os.Autostart;
import dev.vigil.os.DataDirs;
import dev.vigil.os.Launcher;
import dev.vigil.ui.DesktopApp;
import dev.vigil.ui.DisplayCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The tray app for {@code run} and {@code demo}: shown when there is a display and {@code --headless} was not
 * given. JavaFX is loaded only by {@link #prepare} and {@link #start}, so headless runs never load it.
 */
public final class Desktop {
  private final boolean shown;
  private final SoundPlayer sound = new SoundPlayer();

  private Desktop(boolean shown) {
    this.shown = shown;
  }

  public static Desktop choose(boolean headless, DataDirs dirs, PrintWriter out) {
    boolean shown = !headless && DisplayCheck.isAvailable(dirs.env(), dirs.os());
    if (!headless && !shown) {
      out.println("No desktop display found: watching headless (use --headless to say so).");
      out.flush();
    }
    return new Desktop(shown);
  }

  /**
   * Starts JavaFX on its own thread while the caller opens the watch, so the tray docks sooner. Does nothing
   * when headless.
   */
  public void prepare() {
    if (shown) DesktopApp.prepare();
  }

  /** What the wake ladder shows and sounds: the desktop's acknowledge window, or a log line. */
  public Watch.Desktop wiring() {
    return shown ? new Watch.Desktop(DesktopApp.ackWindow(), sound) : Watch.Desktop.headless();
  }

  /**
   * Starts the tray app on its own thread; the caller keeps the watch until Quit (which calls {@code onQuit}),
   * Ctrl-C or SIGTERM. Returns what a second launch should do: open the inbox (or nothing when headless).
   */
  public Runnable start(Watch watch, Path rulesDir, DataDirs dirs, Runnable onQuit) {
    if (!shown) return () -> {};
    Autostart autostart = Autostart.forOs(dirs.os(), dirs.env(), dirs.home(), Launcher.current(List.of("run")));
    DesktopSession session = new DesktopSession(watch, rulesDir, sound, autostart, onQuit);
    DesktopApp.show(session);
    return DesktopApp::showInbox;
  }
}
