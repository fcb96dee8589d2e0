package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil check}: one check now against real servers on 127.0.0.1, printed as the engine judges it. */
class CheckCommandTest {
  @TempDir Path home;

  private Cli cli() {
    return new Cli(Cli.linuxUnder(home));
  }

  @Test
  void aPassingHttpCheckShowsEachConditionWithTheValueSeen() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"UP\"}").build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      Cli cli = cli();
      int exit = cli.execute("check", server.url("/health").toString(), "--expect", "status == 200",
          "--expect", "json $.status == \"UP\"", "--timeout", "2s");
      assertThat(exit).isZero();
      assertThat(cli.out.toString()).matches("(?s)http://localhost:\\d+/health: ok in \\d+ms\n"
          + "  pass  status \\(200\\) == 200\n"
          + "  pass  json \\$\\.status \\(\"UP\"\\) == \"UP\"\n");
      assertThat(home.resolve("data")).doesNotExist();
    }
  }

  @Test
  void aFailingCheckSaysWhyAndExitsOne() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(503).build());
      server.start(InetAddress.getLoopbackAddress(), 0);
      Cli cli = cli();
      assertThat(cli.execute("check", server.url("/").toString(), "--expect", "status == 200")).isEqualTo(1);
      assertThat(cli.out.toString()).matches("(?s)http://localhost:\\d+/: status: status \\(503\\) == 200 \\(after \\d+ms\\)\n"
          + "  FAIL  status \\(503\\) == 200\n");
    }
  }

  @Test
  void aTcpBannerIsJudged() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getOutputStream().write("220 mail.example ESMTP\r\n".getBytes(StandardCharsets.UTF_8));
        } catch (Exception ignored) {
          // the test ended
        }
      });
      t.setDaemon(true);
      t.start();
      Cli cli = cli();
      assertThat(cli.execute("check", "tcp://127.0.0.1:" + server.getLocalPort(), "--expect", "banner contains \"ESMTP\"")).isZero();
      assertThat(cli.out.toString()).contains("  pass  banner (\"220 mail.example ESMTP\") contains \"ESMTP\"\n");
    }
  }

  @Test
  void aRefusedPortFailsWithoutJudgingTheConditions() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Cli cli = cli();
    assertThat(cli.execute("check", "tcp://127.0.0.1:" + port, "--expect", "latency < 1s")).isEqualTo(1);
    assertThat(cli.out.toString()).matches("tcp 127\\.0\\.0\\.1:\\d+: connect: connection refused \\(after \\d+ms\\)\n"
        + "  ----  latency < 1s \\(not judged: the check itself failed\\)\n");
  }

  @Test
  void usageMistakesExitTwoWithTheReason() {
    Cli cli = cli();
    assertThat(cli.execute("check", "db.example:5432")).isEqualTo(2);
    assertThat(cli.err.toString()).isEqualTo("vigil check: \"db.example:5432\" is not a target (use https://host/path,"
        + " tcp://host:port, tls://host:port, dns://name or ping://host)\n");
    Cli other = cli();
    assertThat(other.execute("check", "tcp://db.example:5432", "--expect", "status == 200")).isEqualTo(2);
    assertThat(other.err.toString()).isEqualTo("vigil check: --expect \"status == 200\": \"status\" does not apply to a tcp"
        + " check (use banner or latency) (at column 1)\n");
    Cli third = cli();
    assertThat(third.execute("check", "https://a.example", "--timeout", "soon")).isEqualTo(2);
    assertThat(third.err.toString()).startsWith("vigil check: ");
  }
}
