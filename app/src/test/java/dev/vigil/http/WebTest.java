package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared client against a real loopback server: what is sent, what comes back, timeouts and a closed stream. */
class WebTest {
  private static final Web WEB = Web.create();
  private HttpServer server;
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "web-test");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/echo", x -> {
      contentTypes.add(String.valueOf(x.getRequestHeaders().getFirst("Content-Type")));
      byte[] body = (x.getRequestMethod() + " " + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(418, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.createContext("/stream", x -> {
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      out.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      await(); // then stays open, as ntfy's JSON stream does
      x.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void await() {
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void anyStatusIsAnAnswerAndTheContentTypeIsSentAsGiven() throws IOException {
    Web.Reply r = WEB.send(WebRequest.post(url("/echo"), "application/x-www-form-urlencoded", "a=1&b=%C3%A9"));
    assertThat(r).isEqualTo(new Web.Reply(418, "POST a=1&b=%C3%A9"));
    assertThat(contentTypes).containsExactly("application/x-www-form-urlencoded");
  }

  @Test
  void aMethodWithoutABodySendsNone() throws IOException {
    assertThat(WEB.direct().send(WebRequest.of("DELETE", url("/echo"), null, null))).isEqualTo(new Web.Reply(418, "DELETE "));
  }

  @Test
  void aUrlThatIsNotOneIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> WebRequest.get("ntfy.example.org/topic")).isInstanceOf(IOException.class).hasMessage("not a valid URL");
  }

  @Test
  void theCallTimeoutEndsAnAnswerThatDoesNotFinish() {
    Web quick = WEB.timeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    assertThatThrownBy(() -> quick.send(WebRequest.get(url("/stream")))).isInstanceOf(InterruptedIOException.class);
  }

  @Test
  void linesArriveWhileTheAnswerStaysOpenAndCloseEndsTheRead() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Web streaming = WEB.timeouts(Duration.ofSeconds(2), Duration.ZERO);
    try (Lines lines = streaming.lines(WebRequest.get(url("/stream")))) {
      assertThat(lines.open()).isEqualTo(200);
      Thread closer = new Thread(() -> {
        while (seen.size() < 2) Thread.onSpinWait();
        lines.close();
      });
      closer.start();
      assertThatThrownBy(() -> lines.forEach(seen::add)).isInstanceOf(IOException.class);
      closer.join();
    }
    assertThat(seen).containsExactly("one", "two");
  }

  @Test
  void aLinesCallClosedBeforeItOpensCannotOpen() throws IOException {
    Lines lines = WEB.lines(WebRequest.get(url("/stream")));
    lines.close();
    assertThatThrownBy(lines::open).isInstanceOf(IOException.class);
  }
}
