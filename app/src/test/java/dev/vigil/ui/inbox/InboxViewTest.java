package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.AlertFeed;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.FakeStore;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import dev.vigil.ui.Samples;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class InboxViewTest {
  final FakeStore store = new FakeStore()
      .add(Samples.alert(1, "disk-space", Severity.WARNING, AlertState.FIRING))
      .add(Samples.alert(2, "payments-api", Severity.CRITICAL, AlertState.FIRING));
  Io io;
  AlertFeed feed;

  @Start
  void start(Stage stage) {
    FakeContext ctx = new FakeContext(store, Path.of("rules"));
    io = Io.thread(Platform::runLater);
    feed = new AlertFeed(ctx, io);
    InboxView view = new InboxView(new InboxViewModel(ctx, io, feed), url -> {}, row -> {});
    stage.setScene(new Scene(view, 1000, 500));
    stage.show();
    feed.start();
  }

  @Test
  void clickingAcknowledgeWithANoteAcknowledgesTheAlertInTheStore(FxRobot robot) {
    await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#inbox-table").queryAs(TableView.class).getItems().size() == 2);
    robot.clickOn("payments-api");
    robot.clickOn("#acknowledge");
    robot.clickOn("#note").write("on it");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.find(2).orElseThrow().state() == AlertState.ACKNOWLEDGED);
    assertThat(store.timeline(2)).last().satisfies(e -> assertThat(e.note()).isEqualTo("on it"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup("#inbox-message").queryLabeled().getText()).isEqualTo("Acknowledged payments-api");
    });
    io.close();
  }

  @Test
  void pressingRResolvesTheSelectedAlert(FxRobot robot) {
    await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#inbox-table").queryAs(TableView.class).getItems().size() == 2);
    robot.clickOn("disk-space");
    robot.type(KeyCode.R);
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(5)).until(() -> store.find(1).orElseThrow().state() == AlertState.RESOLVED);
    await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#inbox-table").queryAs(TableView.class).getItems().size() == 1);
    io.close();
  }
}
