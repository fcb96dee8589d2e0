package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code tcp:} checks against real sockets on 127.0.0.1. */
class TcpCheckerTest {
  private final TcpChecker checker = new TcpChecker(Clock.systemUTC());
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    checker.close();
    for (AutoCloseable s : servers) s.close();
  }

  @Test
  void aBannerIsReadAndJudged() throws Exception {
    int port = serve(socket -> socket.getOutputStream().write("220 mail.example ESMTP ready\r\n".getBytes(StandardCharsets.UTF_8)));
    Verdict v = check(new Target.Tcp("127.0.0.1", port, null), "banner contains \"ESMTP\"");
    assertThat(v.passed()).isTrue();
    assertThat(v.results().get(0).shown()).isEqualTo("banner (\"220 mail.example ESMTP ready\") contains \"ESMTP\"");
  }

  @Test
  void aSentLineIsAnswered() throws Exception {
    int port = serve(socket -> {
      String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
      socket.getOutputStream().write((line.equals("PING") ? "+PONG\r\n" : "-ERR\r\n").getBytes(StandardCharsets.UTF_8));
    });
    assertThat(check(new Target.Tcp("127.0.0.1", port, "PING"), "banner contains \"+PONG\"").passed()).isTrue();
  }

  @Test
  void aWrongBannerFailsShowingWhatCame() throws Exception {
    int port = serve(socket -> socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(check(new Target.Tcp("127.0.0.1", port, null), "banner contains \"ESMTP\"").summary())
        .isEqualTo("protocol: banner (\"SSH-2.0-OpenSSH_9.2\") contains \"ESMTP\"");
  }

  @Test
  void aConnectionIsEnoughWithoutConditions() throws Exception {
    int port = serve(socket -> {});
    Verdict v = check(new Target.Tcp("127.0.0.1", port, null));
    assertThat(v.passed()).isTrue();
    assertThat(v.summary()).isEqualTo("ok");
  }

  @Test
  void aClosedPortIsRefused() throws Exception {
    int port = LocalTool.freePort();
    assertThat(check(new Target.Tcp("127.0.0.1", port, null)).summary()).isEqualTo("connect: connection refused");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    int port = serve(socket -> Thread.sleep(5_000));
    assertThat(check(new Target.Tcp("127.0.0.1", port, null), "banner contains \"ESMTP\"").summary())
        .isEqualTo("timeout: timed out after 1s");
  }

  @Test
  void anUnknownHostIsADnsFailure() throws Exception {
    assertThat(check(new Target.Tcp("no-such-host.invalid", 25, null)).summary())
        .isEqualTo("dns: unknown host no-such-host.invalid");
  }

  private Verdict check(Target target, String... conditions) throws Exception {
    List<Condition> expect = new ArrayList<>();
    for (String c : conditions) expect.add(ConditionParser.parse(c, target.kind()));
    boolean banner = expect.stream().anyMatch(Condition::needsBody);
    Observation o = checker.check(new CheckRequest("m", target, Duration.ofSeconds(1), Map.of(), banner, 1 << 20, false)).join();
    return Evaluator.evaluate(o, expect);
  }

  interface Conversation {
    void talk(Socket socket) throws Exception;
  }

  /** A server on 127.0.0.1 that has this conversation with each client, then closes the connection. */
  private int serve(Conversation conversation) throws Exception {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    servers.add(server);
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          servers.add(socket);
          conversation.talk(socket);
          OutputStream out = socket.getOutputStream();
          out.flush();
        } catch (Exception e) {
          // the server is closed, or the client went away
        }
      }
    }, "tcp-test-server");
    t.setDaemon(true);
    t.start();
    return server.getLocalPort();
  }
}
