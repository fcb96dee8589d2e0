package dev.vigil.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.http.Lines;
import dev.vigil.http.Web;
import dev.vigil.http.WebRequest;
import dev.vigil.policy.Policy;
import dev.vigil.store.PhoneAcks;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ntfy reply topic, where an urgent page's Acknowledge button publishes {@code ack ALERT TOKEN}, through
 * ntfy's JSON stream ({@code GET URL/TOPIC/json}: one JSON object a line, events {@code open}, {@code keepalive} and
 * {@code message}). Each message's id is kept, and a reconnect (after a dropped connection or a restart) asks for
 * {@code since=} that id, so no reply is missed. A reply whose token Vigil did not give, was given for another
 * alert, or was used already is refused and logged. Runs on a daemon thread of its own.
 */
final class NtfyReplies implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control
  private static final ObjectMapper JSON = dev.vigil.config.Json.MAPPER;
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** What the replies mean to the notifier. */
  interface Listener {
    /** A valid acknowledgement from the phone. */
    void acknowledged(long alertId, Instant at);

    /** A reply refused, with why (no secret in it). */
    void refused(Long alertId, String why, Instant at);
  }

  private final Policy.Ntfy config;
  private final PhoneAcks acks;
  private final Clock clock;
  private final Listener listener;
  private final Web http;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Lines current;

  NtfyReplies(Policy.Ntfy config, Web web, PhoneAcks acks, Clock clock, Listener listener) {
    this.config = config;
    this.acks = acks;
    this.clock = clock;
    this.listener = listener;
    this.http = web.timeouts(Http.TIMEOUT, Duration.ZERO); // the stream stays open: only connecting is timed
    this.thread = new Thread(this::loop, "vigil-ntfy-replies");
    thread.setDaemon(true);
  }

  /** What the Acknowledge button publishes: {@code ack ALERT TOKEN} (no comma: it sits in ntfy's action format). */
  static String body(long alertId, String token) {
    return "ack " + alertId + " " + token;
  }

  NtfyReplies start() {
    thread.start();
    return this;
  }

  Policy.Ntfy config() {
    return config;
  }

  private void loop() {
    long backoff = 500;
    while (running) {
      try {
        read();
        backoff = 500; // a stream that ended cleanly (the server closed it): reconnect at once, from the cursor
      } catch (IOException | RuntimeException e) {
        if (!running) return;
        LOG.warn("ntfy reply topic: {}; reconnecting in {} ms", e.getMessage(), backoff);
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private void read() throws IOException {
    WebRequest request = Http.get(url());
    if (config.token() != null) request.header("Authorization", "Bearer " + config.token());
    try (Lines lines = http.lines(request)) {
      current = lines;
      if (!running) return;
      int status = lines.open();
      if (status / 100 != 2) throw new IOException("ntfy answered HTTP " + status);
      lines.forEach(this::line);
    } finally {
      current = null;
    }
  }

  private String url() {
    String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
    Optional<String> since = acks.cursor(config.replyTopic())
        .or(() -> acks.oldestOutstanding().map(t -> String.valueOf(t.getEpochSecond())));
    return base + config.replyTopic() + "/json"
        + since.map(s -> "?since=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
  }

  /** One line of the stream. */
  void line(String line) {
    if (line.isBlank()) return;
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (IOException e) {
      LOG.warn("ntfy reply topic: a line that is not JSON was ignored");
      return;
    }
    if (!"message".equals(json.path("event").asText())) return; // open, keepalive, poll_request
    Instant at = clock.instant();
    handle(json.path("message").asText(""), at);
    String id = json.path("id").asText("");
    if (!id.isEmpty()) acks.cursor(config.replyTopic(), id);
  }

  private void handle(String message, Instant at) {
    String[] parts = message.trim().split("\\s+");
    if (parts.length != 3 || !parts[0].equals("ack") || !parts[1].matches("\\d{1,18}") || !parts[2].matches("[0-9a-f]{32}")) {
      refuse(null, "not an acknowledgement (expected: ack ALERT TOKEN)", at);
      return;
    }
    long alertId = Long.parseLong(parts[1]);
    Optional<String> refusal = acks.redeem(alertId, parts[2], at);
    if (refusal.isPresent()) {
      refuse(alertId, refusal.get(), at);
      return;
    }
    LOG.info("alert {} acknowledged from the phone", alertId);
    listener.acknowledged(alertId, at);
  }

  private void refuse(Long alertId, String why, Instant at) {
    LOG.warn("ntfy reply refused{}: {}", alertId == null ? "" : " for alert " + alertId, why);
    listener.refused(alertId, why, at);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    Lines l = current;
    if (l != null) l.close();
    thread.interrupt();
  }
}
