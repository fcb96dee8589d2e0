package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alert.Alert;
import dev.vigil.cli.VigilCommand;
import dev.vigil.notify.AckWindow;
import dev.vigil.notify.Alarm;
import dev.vigil.rules.RulesLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * tcp monitors through the real engine (schedule, confirm, dedupe, store), and {@code vigil monitors} reading the
 * board from the running Vigil, then from its database once it stopped, and from the rules alone with no data.
 */
class MonitorsBoardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;
  @TempDir Path rules;

  @Test
  void theBoardShowsEachMonitorFromTheRunningVigilThenFromItsDatabase() throws Exception {
    int refused;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      refused = free.getLocalPort();
    }
    try (ServerSocket db = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!db.isClosed()) {
          try (Socket s = db.accept()) {
            s.getOutputStream().write("ready\r\n".getBytes());
          } catch (Exception closed) {
            // the test ended
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Files.writeString(rules.resolve("alerts.yaml"), """
          # the database port and a port nobody listens on
          monitors:
            - id: db
              tcp: 127.0.0.1:%d
              interval: 1s
              timeout: 1s
              expect: [banner contains "ready"]
            - id: mail
              tcp: 127.0.0.1:%d
              interval: 1s
              timeout: 1s
          heartbeats:
            - id: nightly-backup
              every: 24h
          """.formatted(db.getLocalPort(), refused));
      var loaded = RulesLoader.load(rules, Map.of());
      assertThat(loaded.problems()).isEmpty();
      try (Watch watch = Watch.start(data, loaded.rules(), rules, Map.of(), 0, Clock.systemUTC(),
          new Watch.Desktop(AckWindow.LOG, Alarm.SILENT))) {
        await().atMost(Duration.ofSeconds(20)).until(() -> watch.store().openAlerts().size() == 1);
        Alert alert = watch.store().openAlerts().get(0);
        assertThat(alert.monitor()).isEqualTo("mail");
        assertThat(alert.summary()).isEqualTo("connect: connection refused");
        assertThat(alert.labels()).containsEntry("target", "tcp 127.0.0.1:" + refused);

        JsonNode board = monitors();
        assertThat(board).as("the command line's board lists monitors only").hasSize(2);
        assertThat(watch.board()).extracting(r -> r.id() + " " + r.kind() + " " + r.state())
            .containsExactly("db tcp up", "mail tcp firing", "nightly-backup heartbeat not yet checked");
        watch.engine().heartbeat("nightly-backup", java.time.Instant.now());
        var backup = watch.board().get(2);
        assertThat(backup.state()).isEqualTo("up");
        assertThat(backup.lastResult()).isEqualTo("ping");
        assertThat(backup.nextCheck()).isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
        assertThat(backup.line()).isEqualTo(13);
        JsonNode up = board.get(0);
        assertThat(up.path("id").asText()).isEqualTo("db");
        assertThat(up.path("kind").asText()).isEqualTo("tcp");
        assertThat(up.path("state").asText()).isEqualTo("up");
        assertThat(up.path("lastResult").asText()).isEqualTo("ok");
        assertThat(up.path("latencyMs").isNumber()).isTrue();
        assertThat(up.path("uptime24h").asDouble()).isEqualTo(1.0);
        assertThat(up.path("nextCheck").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)");
        assertThat(up.path("file").asText()).isEqualTo("alerts.yaml");
        assertThat(up.path("line").asInt()).isEqualTo(3);
        JsonNode down = board.get(1);
        assertThat(down.path("state").asText()).isEqualTo("firing");
        assertThat(down.path("lastResult").asText()).isEqualTo("connect: connection refused");
        assertThat(down.path("line").asInt()).isEqualTo(8);

        assertThat(vigil("monitor", "pause", "mail", "--for", "10m", "--data", data.toString()))
            .startsWith("monitor \"mail\" paused until ").endsWith(" (by the running Vigil)\n");
        assertThat(monitors().get(1).path("state").asText()).isEqualTo("paused");
        assertThat(vigil("monitor", "pause", "nope", "--for", "10m", "--data", data.toString())).isEmpty();
        assertThat(vigil("monitor", "resume", "mail", "--data", data.toString()))
            .isEqualTo("monitor \"mail\" resumed (by the running Vigil)\n");
        assertThat(monitors().get(1).path("state").asText()).isEqualTo("firing");
      }
    }
    JsonNode afterwards = monitors();
    assertThat(afterwards).extracting(m -> m.path("id").asText() + " " + m.path("state").asText() + " " + m.path("lastResult").asText())
        .containsExactly("db up ok", "mail firing connect: connection refused");
    assertThat(afterwards.get(0).path("nextCheck").isNull()).isTrue();
  }

  @Test
  void withoutADataFolderTheRulesAloneAreShownAndNothingIsCreated() throws Exception {
    Files.writeString(rules.resolve("alerts.yaml"), "monitors:\n  - id: dns-db\n    dns: db.example\n");
    Path none = data.resolve("not-here");
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("monitors", "--data", none.toString(), "--rules", rules.toString())).isZero();
    assertThat(out.toString()).isEqualTo("""
        ID      KIND  STATE            LAST CHECK  LATENCY  UPTIME 24H  NEXT  RESULT
        dns-db  dns   not yet checked  -           -        -           -     -
        Vigil is not running on %s: the last checks are from its database, by the minute.
        """.formatted(none));
    assertThat(none).doesNotExist();
  }

  private static String vigil(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    cli.execute(args);
    return out.toString();
  }

  private JsonNode monitors() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("monitors", "--json", "--data", data.toString(), "--rules", rules.toString())).isZero();
    return JSON.readTree(out.toString());
  }
}
