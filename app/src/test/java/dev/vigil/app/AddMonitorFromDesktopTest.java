package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.engine.MonitorRow;
import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.rules.Monitor;
import dev.vigil.rules.RulesLoader;
import dev.vigil.ui.Io;
import dev.vigil.ui.monitors.AddMonitorViewModel;
import dev.vigil.ui.monitors.BoardEntry;
import dev.vigil.ui.monitors.MonitorsViewModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's "Add monitor" against a running Vigil (real engine, rules watcher and SQLite file): the monitor the
 * form writes is reloaded by the engine, checked on its schedule against a real server on 127.0.0.1, and shown on
 * the board the desktop reads.
 */
class AddMonitorFromDesktopTest {
  /** The rules watcher's safety-net poll and then some; the change events are usually much quicker. */
  static final Duration RELOADED_AND_CHECKED = Watch.RULES_POLL_WITH_EVENTS.plusSeconds(10);
  static final String RULES = "# what we watch\nmonitors:\n  - id: web   # nobody listens there\n    url: http://127.0.0.1:9/web\n    interval: 1h\n";

  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void aMonitorAddedFromTheFormIsReloadedCheckedAndOnTheBoard() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    HttpServer orders = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    orders.createContext("/health", exchange -> {
      checks.incrementAndGet();
      byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    orders.start();
    Files.writeString(rules.resolve("monitors.yaml"), RULES);
    var loaded = RulesLoader.load(rules, Map.of());
    assertThat(loaded.problems()).isEmpty();
    try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
        new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
      DesktopSession desk = new DesktopSession(watch, rules, Alarm.SILENT, null, () -> {});
      MonitorsViewModel board = new MonitorsViewModel(desk, Io.direct(), (file, line) -> {}, url -> {});
      AddMonitorViewModel form = new AddMonitorViewModel(desk, Io.direct(), board::refresh);
      board.refresh();
      assertThat(board.rows()).extracting(BoardEntry::id).containsExactly("web");

      String url = "http://127.0.0.1:" + orders.getAddress().getPort() + "/health";
      form.id().set("orders-api");
      form.target().set(url);
      form.interval().set("1s");
      form.timeout().set("1s");
      form.severity().set("critical");
      form.runbook().set("https://wiki.example/runbooks/orders");
      form.expect().set("status == 200\njson $.status == \"UP\"");
      form.test();
      assertThat(form.status().get()).matches("Passes: ok in \\d+ ms");
      assertThat(checks.get()).as("Test checked the server once").isEqualTo(1);
      form.add();
      assertThat(form.status().get()).isEqualTo("Added \"orders-api\" to monitors.yaml; Vigil reloads the rules and starts watching it.");
      assertThat(Files.readString(rules.resolve("monitors.yaml"))).startsWith(RULES);

      await().atMost(RELOADED_AND_CHECKED).untilAsserted(() -> {
        board.refresh();
        assertThat(board.rows()).extracting(r -> r.id() + " " + r.state() + " " + r.result())
            .contains("orders-api up ok");
      });
      assertThat(watch.engine().monitors(m -> true)).extracting(Monitor::id).containsExactlyInAnyOrder("web", "orders-api");
      MonitorRow row = board.rows().stream().filter(r -> r.id().equals("orders-api")).findFirst().orElseThrow().row();
      assertThat(row.kind()).isEqualTo("http");
      assertThat(row.lastCheck()).isNotNull();
      assertThat(row.latencyMs()).isNotNull();
      assertThat(row.file()).isEqualTo("monitors.yaml");
      assertThat(row.line()).isEqualTo(6);
      assertThat(row.runbook()).isEqualTo("https://wiki.example/runbooks/orders");
      assertThat(checks.get()).as("the engine checked it too").isGreaterThan(1);
      assertThat(watch.engine().lastReload().applied()).isTrue();
    } finally {
      orders.stop(0);
    }
  }
}
