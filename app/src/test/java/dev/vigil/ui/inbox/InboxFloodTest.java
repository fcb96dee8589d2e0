package dev.vigil.ui.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.alert.AlertChange;
import dev.vigil.alert.Severity;
import dev.vigil.store.SqliteStore;
import dev.vigil.ui.AlertFeed;
import dev.vigil.ui.FakeContext;
import dev.vigil.ui.HeadlessFx;
import dev.vigil.ui.Io;
import dev.vigil.ui.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A storm: ten thousand alerts fire at once; the window takes them in a few snapshots and stays usable. */
@ExtendWith({HeadlessFx.class, ApplicationExtension.class})
class InboxFloodTest {
  static final int STORM = 10_000;
  @TempDir static Path data;
  SqliteStore store;
  Io io;
  FakeContext ctx;
  AlertFeed feed;
  final AtomicInteger publications = new AtomicInteger();

  @Start
  void start(Stage stage) throws Exception {
    store = SqliteStore.open(Files.createTempDirectory(data, "db"), Clock.systemUTC());
    ctx = new FakeContext(store, data);
    io = Io.thread(Platform::runLater);
    feed = new AlertFeed(ctx, io);
    ctx.subscribe(feed.listener());
    stage.setScene(new Scene(new InboxView(new InboxViewModel(ctx, io, feed), url -> {}, row -> {}), 1000, 600));
    stage.show();
    feed.subscribe(s -> publications.incrementAndGet());
    feed.start();
  }

  @AfterEach
  void stop() {
    io.close();
    store.close();
  }

  @Test
  void tenThousandAlertsFiringAtOnceArriveInAFewSnapshotsAndTheFilterStillAnswers(FxRobot robot) {
    int before = publications.get();
    Thread engine = new Thread(() -> store.transaction(w -> {
      for (int i = 0; i < STORM; i++) {
        var a = w.fire("storm-" + i, "edge-" + i, Severity.WARNING, "status (503) == 200", null, Samples.T0);
        ctx.listeners.forEach(l -> l.onChange(new AlertChange(AlertChange.Kind.FIRED, a, Samples.T0)));
      }
      return null;
    }), "engine");
    engine.start();
    TableView<?> table = robot.lookup("#inbox-table").queryAs(TableView.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> table.getItems().size() == STORM);
    assertThat(publications.get() - before).isLessThan(STORM / 100);
    robot.clickOn("#filter").write("edge-9999");
    await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 1);
  }
}
