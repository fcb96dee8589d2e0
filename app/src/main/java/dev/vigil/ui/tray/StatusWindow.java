package dev.vigil.ui.tray;

import dev.vigil.ui.DeskActions;
import dev.vigil.ui.DeskSnapshot;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * Where no system tray exists: a small always-on-top window in the screen's corner with the same state,
 * counts and actions as the tray menu. It does not keep keyboard focus when it appears (see {@link #open}).
 */
public final class StatusWindow {
  private final Stage stage = new Stage(StageStyle.UTILITY);
  private final Circle dot = new Circle(9);
  private final Label state = new Label();
  private final Label counts = new Label();
  private final ZoneId zone;
  /** The window that had focus when this one appeared, until focus has gone back to it or the person clicks here. */
  private Window giveFocusBackTo;

  public StatusWindow(DeskActions actions, ZoneId zone) {
    this.zone = zone;
    state.getStyleClass().add("title");
    state.setId("status-state");
    counts.setId("status-counts");
    Button inbox = new Button("Inbox");
    inbox.setOnAction(e -> actions.openInbox());
    Button ack = new Button("Acknowledge all");
    ack.setId("status-ack-all");
    ack.setOnAction(e -> actions.acknowledgeAll());
    MenuButton more = new MenuButton("More");
    more.getItems().addAll(
        item("Quiet for 1 h", actions::quietOneHour), item("Quiet until morning", actions::quietUntilMorning),
        item("Quiet off", actions::quietOff), item("Silence a monitor…", actions::silenceMonitor),
        item("Monitors", actions::openMonitors), item("History", actions::openHistory), item("Settings", actions::openSettings),
        item("Quit", actions::quit));
    VBox root = new VBox(8, new HBox(10, dot, state), counts, new HBox(8, inbox, ack, more));
    root.setPadding(new Insets(12));
    root.getStyleClass().add("status-window");
    stage.setScene(new Scene(root));
    stage.setTitle("Vigil");
    stage.setAlwaysOnTop(true);
    stage.setResizable(false);
    stage.setOnCloseRequest(e -> stage.setIconified(true));
    stage.focusedProperty().addListener((o, was, focused) -> {
      Window back = giveFocusBackTo;
      if (!focused || back == null) return;
      giveFocusBackTo = null;
      if (back.isShowing()) Platform.runLater(back::requestFocus);
    });
    stage.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> giveFocusBackTo = null);
  }

  private static MenuItem item(String text, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setOnAction(e -> action.run());
    return m;
  }

  public void show(DeskSnapshot s) {
    TrayState t = TrayState.of(s.open(), s.quiet(), s.watch(), s.at());
    java.awt.Color c = TrayIcons.color(t.iconName());
    dot.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
    state.setText(t == TrayState.WARNING && s.watch().reloadProblems() > 0 ? "Rules not reloaded" : words(t));
    counts.setText(TrayTooltip.of(s, zone));
  }

  static String words(TrayState t) {
    return switch (t) {
      case OFFLINE -> "Not watching";
      case CRITICAL -> "Critical alert firing";
      case QUIET -> "Quiet mode";
      case WARNING -> "Warning firing";
      case ACKNOWLEDGED -> "Acknowledged";
      case OK -> "All well";
    };
  }

  /**
   * Shows the window in the bottom-right corner and leaves keyboard focus where it was. JavaFX has no way to show
   * a stage without activating it (GTK's glass even reports focus gained on every show, Monocle focuses a new
   * window a moment later), so when one of Vigil's windows had focus, it is given back as soon as this one gets it:
   * typing in the inbox goes on in the inbox. A click on the status window still focuses it, as any click does.
   */
  public void open() {
    giveFocusBackTo = Window.getWindows().stream().filter(w -> w != stage && w.isFocused()).findFirst().orElse(null);
    stage.setOpacity(0.97);
    stage.show();
    Rectangle2D area = Screen.getPrimary().getVisualBounds();
    stage.setX(area.getMaxX() - stage.getWidth() - 16);
    stage.setY(area.getMaxY() - stage.getHeight() - 16);
    LaunchTime.shown("status window");
  }

  /** For tests: whether the window has keyboard focus. */
  boolean focused() {
    return stage.isFocused();
  }

  public Scene scene() {
    return stage.getScene();
  }

  public void close() {
    stage.hide();
  }
}
