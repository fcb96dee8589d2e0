package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.ui.history.HistoryView;
import dev.vigil.ui.history.HistoryViewModel;
import dev.vigil.ui.history.IncidentExport;
import dev.vigil.ui.inbox.AlertRow;
import dev.vigil.ui.inbox.InboxView;
import dev.vigil.ui.inbox.InboxViewModel;
import dev.vigil.ui.inbox.WakeWindow;
import dev.vigil.ui.settings.SettingsView;
import dev.vigil.ui.settings.SettingsViewModel;
import dev.vigil.ui.tray.StatusWindow;
import dev.vigil.ui.tray.VigilTray;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running desktop app: the tray (or status window), the three windows, and what the menu does. FX thread only. */
final class Shell implements DeskActions {
  private static final Logger log = LoggerFactory.getLogger(Shell.class);
  static final Duration DOCK_TIMEOUT = Duration.ofSeconds(3);
  static final Duration MONITORS_REFRESH = Duration.ofSeconds(5);

  private final DesktopContext ctx;
  private final Io io;
  private final AlertFeed feed;
  private final Consumer<String> openUrl;
  private final InboxViewModel inbox;
  private Stage owner;
  private Stage inboxStage;
  private InboxView inboxView;
  private Stage historyStage;
  private HistoryViewModel history;
  private Stage settingsStage;
  private Stage monitorsStage;
  private dev.vigil.ui.monitors.MonitorsViewModel monitors;
  private VigilTray tray;
  private StatusWindow statusWindow;
  private AutoCloseable subscription;
  private final Map<Long, WakeWindow> prompts = new HashMap<>();

  Shell(DesktopContext ctx, Consumer<String> openUrl) {
    this.ctx = ctx;
    this.io = Io.thread(Platform::runLater);
    this.feed = new AlertFeed(ctx, io);
    this.openUrl = openUrl;
    this.inbox = new InboxViewModel(ctx, io, feed);
    io.onError(message -> log.warn(message));
  }

  /** Docks the tray icon (or shows the status window) and starts following the store. Opens no window. */
  void start() {
    owner = new Stage(StageStyle.UTILITY);
    owner.setOpacity(0);
    io.load(() -> ctx.subscribe(feed.listener()), s -> subscription = s);
    feed.start();
    Optional<VigilTray> docked = VigilTray.install(owner, this, ctx.zone());
    if (docked.isEmpty()) {
      showStatusWindow();
      return;
    }
    tray = docked.get();
    feed.subscribe(tray::show);
    // a plain timer, not a PauseTransition: with no window showing the FX pulses are parked (PulseParking)
    io.after(DOCK_TIMEOUT.toMillis(), () -> io.fx(() -> {
      if (!tray.isDocked()) {
        log.warn("The tray icon did not dock within {}; showing the status window too", DOCK_TIMEOUT);
        showStatusWindow();
      }
    }));
    PulseParking.install();
  }

  /** The docked tray icon, or null when the status window stands in for it. */
  VigilTray tray() {
    return tray;
  }

  private void showStatusWindow() {
    if (statusWindow != null) return;
    statusWindow = new StatusWindow(this, ctx.zone());
    Theme.style(statusWindow.scene());
    feed.subscribe(statusWindow::show);
    statusWindow.open();
  }

  @Override public void openInbox() {
    if (inboxStage == null) {
      inboxView = new InboxView(inbox, openUrl, this::details);
      inboxStage = window("Vigil: inbox", inboxView, 1100, 560);
    }
    bringUp(inboxStage);
    inboxView.focusTable();
  }

  /**
   * The one place Vigil takes keyboard focus: the wake ladder asks the person to acknowledge an alert
   * (through {@link WakePrompt}). One prompt per alert; asking again brings it to the front.
   */
  void promptAcknowledge(Alert alert) {
    WakeWindow w = prompts.get(alert.id());
    if (w == null || !w.isShowing()) {
      w = new WakeWindow(alert, ctx.clock().instant(), ctx.zone(), inbox, this::openInbox, openUrl);
      prompts.put(alert.id(), w);
    }
    w.show();
  }

  /** The alert was acknowledged (here, on the command line, or on the phone): its prompt goes away. */
  void hidePrompt(long alertId) {
    WakeWindow w = prompts.remove(alertId);
    if (w != null) w.close();
  }

  @Override public void acknowledgeAll() {
    inbox.acknowledgeAll();
  }

  @Override public void quietOneHour() {
    io.run(() -> ctx.quiet().quietFor(Duration.ofHours(1)), feed::refreshSoon);
  }

  @Override public void quietUntilMorning() {
    io.run(() -> ctx.quiet().quietUntilMorning(), feed::refreshSoon);
  }

  @Override public void quietOff() {
    io.run(() -> ctx.quiet().quietOff(), feed::refreshSoon);
  }

  @Override public void silenceMonitor() {
    List<String> monitors = feed.latest().open().stream().map(Alert::monitor).distinct().sorted().toList();
    Optional<String> monitor = monitors.isEmpty()
        ? Dialogs.note(null, "Silence a monitor", "Which monitor? (its id)").filter(s -> !s.isBlank())
        : Dialogs.choose(null, "Silence a monitor", "Silence which monitor?", monitors, monitors.get(0));
    monitor.ifPresent(id -> Dialogs.choose(null, "Silence " + id, "For how long?", List.of("1 h", "4 h", "24 h"), "1 h")
        .ifPresent(choice -> {
          Duration d = Duration.ofHours(Long.parseLong(choice.substring(0, choice.indexOf(' '))));
          io.run(() -> ctx.silenceMonitor(id, d), () -> log.info("Silenced {} for {}", id, d));
        }));
  }

  /** The monitors board, read again every few seconds while it shows. */
  @Override public void openMonitors() {
    if (monitorsStage == null) {
      monitors = new dev.vigil.ui.monitors.MonitorsViewModel(ctx, io,
          new dev.vigil.ui.monitors.RuleEditor(System.getenv(), openUrl)::open, openUrl);
      var form = new dev.vigil.ui.monitors.AddMonitorViewModel(ctx, io, monitors::refresh);
      // wide enough for every column and a result in words, on screens that have the room
      double width = Math.min(1680, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth());
      monitorsStage = window("Vigil: monitors", new dev.vigil.ui.monitors.MonitorsView(monitors, form), width, 640);
      io.every(MONITORS_REFRESH.toMillis(), () -> io.fx(() -> {
        if (monitorsStage.isShowing()) monitors.refresh();
      }));
    }
    monitors.refresh();
    bringUp(monitorsStage);
  }

  @Override public void openHistory() {
    if (historyStage == null) {
      history = new HistoryViewModel(ctx, io);
      historyStage = window("Vigil: history", new HistoryView(history, ctx.zone(), ctx.clock()::instant), 1280, 760);
      history.search();
    }
    bringUp(historyStage);
  }

  @Override public void openSettings() {
    if (settingsStage == null) {
      settingsStage = window("Vigil: settings", new SettingsView(new SettingsViewModel(ctx, io)), 560, 460);
    }
    bringUp(settingsStage);
  }

  @Override public void quit() {
    if (tray != null) tray.remove();
    if (statusWindow != null) statusWindow.close();
    io.run(() -> {
      if (subscription != null) subscription.close();
      ctx.shutdown();
    }, () -> {
      io.close();
      Platform.exit();
    });
  }

  /** Stops following the store (tests; Quit does this itself). */
  void stop() {
    io.close();
  }

  /** Enter on an inbox row: the incident report, read in the background. */
  private void details(AlertRow row) {
    io.load(() -> ctx.store().timeline(row.id()), timeline -> {
      TextArea text = new TextArea(IncidentExport.markdown(row.alert(), timeline, ctx.zone()));
      text.setEditable(false);
      text.setWrapText(true);
      Stage stage = window("Vigil: " + row.monitor(), text, 760, 480);
      stage.initOwner(inboxStage);
      bringUp(stage);
    });
  }

  private Stage window(String title, Parent content, double width, double height) {
    Stage stage = new Stage();
    stage.setTitle(title);
    stage.setScene(Theme.style(new Scene(content, width, height)));
    return stage;
  }

  private static void bringUp(Stage stage) {
    stage.show();
    stage.setIconified(false);
    stage.toFront();
  }
}
