package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.http.Web;
import dev.vigil.policy.Policy;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhoneChannelsTest {
  private static final Web WEB = Web.create();
  MockWebServer server = new MockWebServer();
  final Message wake = new Message(7L, "CRITICAL payments-api", "status (503) == 200", true);

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String base() {
    String u = server.url("/").toString();
    return u.substring(0, u.length() - 1);
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void ntfyPostsToTheTopicWithPriorityFiveTagsAndTitle() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    new NtfyChannel(new Policy.Ntfy(base(), "oncall", "tk_secret"), WEB).send(wake);
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/oncall");
    assertThat(r.getHeaders().get("Priority")).isEqualTo("5");
    assertThat(r.getHeaders().get("Tags")).isEqualTo("rotating_light,vigil");
    assertThat(r.getHeaders().get("Title")).isEqualTo("CRITICAL payments-api");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tk_secret");
    assertThat(r.getBody().utf8()).isEqualTo("status (503) == 200");
  }

  @Test
  void pushoverSendsAnEmergencyWithRetryAndExpireAndReturnsTheReceipt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":1,\"request\":\"x\",\"receipt\":\"rcpt42\"}").build());
    var channel = new PushoverChannel(new Policy.Pushover("app-token", "user-key", base()), WEB);
    assertThat(channel.send(wake)).contains("rcpt42");
    RecordedRequest r = take();
    assertThat(r.getTarget()).isEqualTo("/1/messages.json");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).isEqualTo(
        "token=app-token&user=user-key&title=CRITICAL+payments-api&message=status+%28503%29+%3D%3D+200&priority=2&retry=60&expire=3600");
  }

  @Test
  void pushoverCancelsAnEmergencyByItsReceipt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":1}").build());
    new PushoverChannel(new Policy.Pushover("app-token", "user-key", base()), WEB).cancel("rcpt42");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/1/receipts/rcpt42/cancel.json");
    assertThat(r.getBody().utf8()).isEqualTo("token=app-token");
  }

  @Test
  void theWebhookPostsTheMessageAsJson() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    new WebhookChannel(new Policy.Webhook(base() + "/hook"), WEB).send(wake);
    RecordedRequest r = take();
    assertThat(r.getTarget()).isEqualTo("/hook");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getBody().utf8()).isEqualTo(
        "{\"alertId\":7,\"title\":\"CRITICAL payments-api\",\"body\":\"status (503) == 200\",\"urgent\":true}");
  }

  @Test
  void aServerErrorIsReportedWithTheServiceNameAndNoSecret() {
    server.enqueue(new MockResponse.Builder().code(500).build());
    assertThatThrownBy(() -> new NtfyChannel(new Policy.Ntfy(base(), "oncall", "tk_secret"), WEB).send(wake))
        .isInstanceOf(IOException.class)
        .hasMessage("ntfy answered HTTP 500");
  }

  @Test
  void aServerThatIsNotListeningIsReportedAsCannotConnect() throws Exception {
    String gone = base();
    server.close();
    assertThatThrownBy(() -> new WebhookChannel(new Policy.Webhook(gone + "/hook"), WEB).send(wake))
        .isInstanceOf(IOException.class)
        .hasMessage("webhook: cannot connect");
  }
}
