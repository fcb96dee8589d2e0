package dev.vigil.ui;

import dev.vigil.ui.history.HistoryView;
import dev.vigil.ui.history.HistoryViewModel;
import dev.vigil.ui.inbox.InboxView;
import dev.vigil.ui.inbox.InboxViewModel;
import dev.vigil.ui.settings.SettingsView;
import dev.vigil.ui.settings.SettingsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes docs/screenshots/{inbox,history,settings,monitors,add-monitor}.png (and -dark variants) and wake.png from the real
 * views over sample data. Run by scripts/screenshots.sh under Xvfb; args: output folder.
 */
public final class Screenshots {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Files.createDirectories(out);
    Path rules = Files.createTempDirectory("vigil-rules");
    Files.writeString(rules.resolve("policy.yaml"), "timezone: Europe/Berlin\novernight: \"22:00-08:00\"\nquiet: \"23:30-06:30\"\n");
    dev.vigil.store.SqliteStore store = dev.vigil.store.SqliteStore.open(Files.createTempDirectory("vigil-data"), Clock.systemUTC());
    FakeContext ctx = new FakeContext(store, rules);
    ctx.clock = Clock.system(ZoneId.of("Europe/Berlin"));
    SampleData.fill(store, ctx.clock.instant());
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    Platform.setImplicitExit(false);
    for (boolean dark : new boolean[] {false, true}) {
      String suffix = dark ? "-dark" : "";
      OnFx.run(() -> Theme.apply(dark));
      Io io = Io.thread(Platform::runLater);
      AlertFeed feed = new AlertFeed(ctx, io);
      feed.start();
      InboxViewModel inbox = new InboxViewModel(ctx, io, feed);
      shoot(() -> new InboxView(inbox, u -> {}, r -> {}), 1200, 520, out.resolve("inbox" + suffix + ".png"));
      HistoryViewModel history = new HistoryViewModel(ctx, io);
      shoot(() -> {
        HistoryView v = new HistoryView(history, ctx.zone(), ctx.clock::instant);
        history.search();
        return v;
      }, 1400, 820, out.resolve("history" + suffix + ".png"));
      shoot(() -> new SettingsView(new SettingsViewModel(ctx, io)), 620, 440, out.resolve("settings" + suffix + ".png"));
      ctx.board = sampleBoard(ctx.clock.instant());
      dev.vigil.ui.monitors.MonitorsViewModel board = new dev.vigil.ui.monitors.MonitorsViewModel(ctx, io, (f, line) -> {}, url -> {});
      shoot(() -> {
        var v = new dev.vigil.ui.monitors.MonitorsView(board);
        board.refresh();
        return v;
      }, 1500, 560, out.resolve("monitors" + suffix + ".png"));
      addForm(ctx, io, board, dark, out.resolve("add-monitor" + suffix + ".png"));
      if (!dark) {
        dev.vigil.alert.Alert critical = store.openAlerts().stream().filter(a -> a.monitor().equals("payments-api")).findFirst().orElseThrow();
        OnFx.run(() -> {
          var w = new dev.vigil.ui.inbox.WakeWindow(critical, ctx.clock.instant(), ctx.zone(), inbox, () -> {}, url -> {});
          w.show();
        });
        Thread.sleep(800);
        OnFx.run(() -> {
          for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
            if (w instanceof Stage st && "Vigil: wake up".equals(st.getTitle())) {
              write(st.getScene().snapshot(null), out.resolve("wake.png"));
              st.close();
            }
          }
        });
      }
      io.close();
    }
    Platform.exit();
    System.exit(0);
  }

  /**
   * The board with "Add monitor…" open: light, filled in and tested against a server on 127.0.0.1; dark, a dns
   * monitor whose timeout the rules reader refuses, said at the field.
   */
  private static void addForm(FakeContext ctx, Io io, dev.vigil.ui.monitors.MonitorsViewModel board, boolean dark, Path file)
      throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", exchange -> {
      byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      var form = new dev.vigil.ui.monitors.AddMonitorViewModel(ctx, io, board::refresh);
      shoot(() -> {
        var v = new dev.vigil.ui.monitors.MonitorsView(board, form);
        board.refresh();
        if (dark) {
          form.id().set("db-record");
          form.kind().set("dns");
          form.target().set("db.example");
          form.server().set("127.0.0.1:5353");
          form.timeout().set("5 parsecs");
          form.labels().set("team=infra");
          form.expect().set("answer contains \"10.0.0.5\"\nrcode == NOERROR");
        } else {
          form.id().set("orders-api");
          form.target().set("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
          form.interval().set("1m");
          form.timeout().set("5s");
          form.runbook().set("https://wiki.example/runbooks/orders");
          form.expect().set("status == 200\njson $.status == \"UP\"\nlatency < 800ms");
        }
        ((javafx.scene.control.Button) v.lookup("#monitors-add")).fire();
        form.test();
        return v;
      }, 1500, 880, file);
    } finally {
      server.stop(0);
    }
  }

  /** A fleet of every kind, as the engine would show it. */
  private static java.util.List<dev.vigil.engine.MonitorRow> sampleBoard(java.time.Instant now) {
    java.time.Instant last = now.minusSeconds(7);
    java.time.Instant next = now.plusSeconds(23);
    return java.util.List.of(
        row("payments-api", "http", "firing", last, "status: status (503) == 200", 212L, 0.9861, 0.9978, next, "payments.yaml", 3, 90, 212, "https://wiki.example/runbooks/payments"),
        row("mail-cert", "tls", "failing 1/2", last, "tls: certificate expires in 3 days (< 14d)", 41L, 0.9993, 0.9999, next, "mail.yaml", 12, 38, 45, null),
        row("accounts-api", "http", "held by core-db", last, "connect: connection refused", 2L, 0.9712, 0.9958, next, "platform.yaml", 9, 60, 2, null),
        row("search-api", "http", "acknowledged", last, "timeout: timed out after 5s", 5003L, 0.9712, 0.9951, next, "search.yaml", 3, 120, 5003, null),
        row("core-db", "tcp", "in maintenance until 04:00", last, "connect: connection refused", 1L, 0.9790, 0.9970, next, "platform.yaml", 3, 1, 1, null),
        row("db-record", "dns", "paused", now.minusSeconds(1800), "ok", 3L, 1.0, 1.0, now.plusSeconds(1800), "infra.yaml", 20, 3, 3, null),
        new dev.vigil.engine.MonitorRow("gateway", "ping", "not yet checked", null, null, null, null, next, "infra.yaml", 27),
        row("checkout-api", "http", "up", last, "ok", 87L, 1.0, 0.9996, next, "payments.yaml", 14, 80, 87, null),
        row("db-primary", "tcp", "up", last, "ok", 1L, 1.0, 1.0, next, "infra.yaml", 3, 1, 1, null),
        row("mail-smtp", "tcp", "up", last, "ok", 18L, 0.9995, 0.9999, next, "mail.yaml", 3, 15, 18, null));
  }

  /** A row with a week's uptime and an hour of latencies (30 two-minute bars) that drift towards {@code to}. */
  private static dev.vigil.engine.MonitorRow row(String id, String kind, String state, java.time.Instant last, String result,
      Long latency, double day, double week, java.time.Instant next, String file, int line, long from, long to, String runbook) {
    java.util.List<Long> hour = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) hour.add(from + (to - from) * i * i / (29 * 29) + (i * 7919 % 13) * Math.max(1, from / 20));
    return new dev.vigil.engine.MonitorRow(id, kind, state, last, result, latency, day, next, file, line, week, hour, runbook);
  }

  private static void shoot(java.util.function.Supplier<Parent> content, int w, int h, Path file) throws Exception {
    Stage[] stage = new Stage[1];
    OnFx.run(() -> {
      stage[0] = new Stage();
      stage[0].setScene(Theme.style(new Scene(content.get(), w, h)));
      stage[0].show();
      // the table, so the filter field shows its hint
      javafx.scene.Node table = stage[0].getScene().getRoot().lookup(".table-view");
      if (table != null) table.requestFocus();
    });
    Thread.sleep(1500); // let the background reads land and the charts lay out; not an assertion
    OnFx.run(() -> {
      write(stage[0].getScene().snapshot(null), file);
      stage[0].close();
    });
    System.out.println("wrote " + file);
  }

  private static void write(WritableImage image, Path file) {
    try {
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
