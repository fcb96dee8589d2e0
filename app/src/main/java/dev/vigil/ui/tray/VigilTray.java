package dev.vigil.ui.tray;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import dev.vigil.ui.DeskActions;
import dev.vigil.ui.DeskSnapshot;
import java.awt.SystemTray;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The icon in the system tray: its picture follows {@link TrayState}, its tooltip {@link TrayTooltip}. */
public final class VigilTray {
  private static final Logger log = LoggerFactory.getLogger(VigilTray.class);
  /** How long each blink frame shows. A plain timer, not a JavaFX animation, so blinking costs no FX pulses. */
  static final long BLINK_MILLIS = 600;

  private final DockedIcon icon;
  private final ZoneId zone;
  private final Map<TrayState, BufferedImage> images = new EnumMap<>(TrayState.class);
  private final BufferedImage blinkFrame;
  private final ScheduledExecutorService blinker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigil-tray-blink");
    t.setDaemon(true);
    return t;
  });
  private ScheduledFuture<?> blink;
  private TrayState state;
  private boolean blinkOn; // blink thread only

  private VigilTray(DockedIcon icon, int size, ZoneId zone) {
    this.icon = icon;
    this.zone = zone;
    for (TrayState s : TrayState.values()) images.put(s, TrayIcons.load(s.iconName(), size));
    blinkFrame = TrayIcons.load("critical-blink", size);
  }

  /** True when the desktop has a system tray we can dock in. */
  public static boolean isAvailable() {
    try {
      return FXTrayIcon.isSupported();
    } catch (RuntimeException | LinkageError e) {
      log.info("No system tray: {}", e.toString());
      return false;
    }
  }

  /**
   * Loads, off the FX thread, what {@link #install} will need (AWT's toolkit, the tray's icon size, the image
   * decoders and the icon pictures), so the icon shows sooner once the watch is ready. Never throws.
   */
  public static void warmUp() {
    try {
      if (!isAvailable()) return;
      int size = SystemTray.getSystemTray().getTrayIconSize().height;
      for (TrayState s : TrayState.values()) TrayIcons.load(s.iconName(), size);
      javax.swing.UIManager.getLookAndFeel();
    } catch (RuntimeException | LinkageError e) {
      log.debug("tray warm-up: {}", e.toString());
    }
  }

  /**
   * Docks the icon, or returns empty (logged, never thrown) when that fails, so the caller can show the
   * status window instead. Call on the FX thread.
   */
  public static Optional<VigilTray> install(Stage owner, DeskActions actions, ZoneId zone) {
    if (!isAvailable()) return Optional.empty();
    try {
      int size = SystemTray.getSystemTray().getTrayIconSize().height;
      BufferedImage first = TrayIcons.load(TrayState.OK.iconName(), size);
      DockedIcon icon = new DockedIcon(owner, first, size);
      icon.setApplicationTitle("Vigil");
      menu(icon, actions);
      // Not FXTrayIcon's setOnAction: its listener answers every click, the right-click that opens the menu too, and
      // the inbox then opened over the menu. A left-click opens the inbox; a right-click only the menu.
      icon.onLeftClick(actions::openInbox);
      icon.show(); // docks later, on the AWT thread; see isDocked()
      javax.swing.SwingUtilities.invokeLater(() -> LaunchTime.shown("tray icon")); // runs after show's add
      VigilTray tray = new VigilTray(icon, size, zone);
      tray.icon.setTrayIconTooltip("Vigil: starting");
      return Optional.of(tray);
    } catch (RuntimeException | LinkageError e) {
      log.warn("Could not add the tray icon; showing the status window instead", e);
      return Optional.empty();
    }
  }

  private static void menu(FXTrayIcon icon, DeskActions a) {
    icon.addMenuItem(item("Monitors", a::openMonitors));
    icon.addMenuItem(item("Open inbox", a::openInbox));
    icon.addMenuItem(item("Acknowledge all", a::acknowledgeAll));
    icon.addSeparator();
    icon.addMenuItem(item("Quiet for 1 h", a::quietOneHour));
    icon.addMenuItem(item("Quiet until morning", a::quietUntilMorning));
    icon.addMenuItem(item("Quiet off", a::quietOff));
    icon.addMenuItem(item("Silence a monitor…", a::silenceMonitor));
    icon.addSeparator();
    icon.addMenuItem(item("History", a::openHistory));
    icon.addMenuItem(item("Settings", a::openSettings));
    icon.addSeparator();
    icon.addMenuItem(item("Quit", a::quit));
  }

  private static MenuItem item(String text, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setOnAction(e -> action.run());
    return m;
  }

  /** Shows a snapshot; call on the FX thread. */
  public void show(DeskSnapshot s) {
    TrayState next = TrayState.of(s.open(), s.quiet(), s.watch(), s.at());
    icon.setTrayIconTooltip("Vigil: " + TrayTooltip.of(s, zone));
    if (next == state) return;
    state = next;
    if (blink != null) blink.cancel(false);
    // Every picture change runs on the one blink thread, so a late blink frame can never follow the new state.
    blinker.execute(() -> {
      blinkOn = false;
      icon.picture(images.get(next));
    });
    blink = next == TrayState.CRITICAL
        ? blinker.scheduleAtFixedRate(this::toggleBlink, BLINK_MILLIS, BLINK_MILLIS, TimeUnit.MILLISECONDS)
        : null;
  }

  /** True once the tray host has taken the icon; docking happens on the AWT thread shortly after install. */
  public boolean isDocked() {
    return icon.isShowing();
  }

  public TrayState state() {
    return state;
  }

  /** On the blink thread; AWT's TrayIcon.setImage is safe from any thread. */
  private void toggleBlink() {
    blinkOn = !blinkOn;
    icon.picture(blinkOn ? blinkFrame : images.get(TrayState.CRITICAL));
  }

  public void remove() {
    blinker.shutdownNow();
    icon.hide();
  }
}
