package dev.vigil.source;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.http.Web;
import dev.vigil.http.WebRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parts of Alertmanager's API v2 Vigil uses: active alerts, and creating, reading and expiring silences. */
final class AlertmanagerClient {
  private static final ObjectMapper JSON = Json.MAPPER;

  /** An alert as {@code GET /api/v2/alerts} shows it. */
  record AmAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, String state, List<String> silencedBy) {
    boolean silenced() {
      return "suppressed".equals(state) && !silencedBy.isEmpty();
    }
  }

  /** A silence as {@code GET /api/v2/silence/{id}} shows it; state is pending, active or expired. */
  record AmSilence(String id, String state, String createdBy, String comment, Map<String, String> matchers) {}

  private final String name;
  private final URI base;
  private final Web http;

  /** Talks to {@code url} through {@code web}, directly (no proxy), connecting within 2 s and answering within {@code timeout}. */
  AlertmanagerClient(String name, String url, Web web, Duration timeout) {
    this.name = name;
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.http = web.direct().timeouts(timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2), timeout);
  }

  URI base() {
    return base;
  }

  /** Active alerts, silenced ones included (so an acknowledgement is seen), inhibited ones not. */
  List<AmAlert> alerts(List<String> matchers) throws IOException {
    StringBuilder query = new StringBuilder("/api/v2/alerts?active=true&silenced=true&inhibited=false&unprocessed=true");
    for (String matcher : matchers) query.append("&filter=").append(URLEncoder.encode(matcher, StandardCharsets.UTF_8));
    JsonNode body = send("GET", query.toString(), null, 200);
    List<AmAlert> out = new ArrayList<>();
    for (JsonNode a : body) {
      List<String> silencedBy = new ArrayList<>();
      a.path("status").path("silencedBy").forEach(s -> silencedBy.add(s.asText()));
      out.add(new AmAlert(a.path("fingerprint").asText(), strings(a.path("labels")), strings(a.path("annotations")),
          a.path("status").path("state").asText(), silencedBy));
    }
    return out;
  }

  /**
   * Creates a silence of these label values (Vigil's own forms: {@code a|b} either, {@code pay*} by prefix, as
   * regular expressions); returns its id.
   */
  String createSilence(Map<String, String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) throws IOException {
    ObjectNode silence = JSON.createObjectNode();
    ArrayNode list = silence.putArray("matchers");
    matchers.forEach((k, v) -> {
      boolean regex = v.contains("|") || v.endsWith("*");
      list.addObject().put("name", k).put("value", regex ? regex(v) : v).put("isRegex", regex).put("isEqual", true);
    });
    silence.put("startsAt", startsAt.toString());
    silence.put("endsAt", endsAt.toString());
    silence.put("createdBy", createdBy);
    silence.put("comment", comment);
    return send("POST", "/api/v2/silences", JSON.writeValueAsString(silence), 200).path("silenceID").asText();
  }

  Optional<AmSilence> silence(String id) throws IOException {
    JsonNode s;
    try {
      s = send("GET", "/api/v2/silence/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, 200);
    } catch (Status e) {
      if (e.status == 404) return Optional.empty();
      throw e;
    }
    Map<String, String> matchers = new LinkedHashMap<>();
    s.path("matchers").forEach(m -> matchers.put(m.path("name").asText(), m.path("value").asText()));
    return Optional.of(new AmSilence(s.path("id").asText(), s.path("status").path("state").asText(), s.path("createdBy").asText(),
        s.path("comment").asText(), matchers));
  }

  /** Expires a silence; one already expired or gone is left as it is. */
  void expireSilence(String id) throws IOException {
    try {
      send("DELETE", "/api/v2/silence/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, 200);
    } catch (Status e) {
      Optional<AmSilence> now = e.status == 404 ? Optional.empty() : silence(id);
      if (now.isPresent() && !now.get().state().equals("expired")) throw e;
    }
  }

  /** Alertmanager answered, but not with the expected status. */
  static final class Status extends IOException {
    final int status;

    Status(String message, int status) {
      super(message);
      this.status = status;
    }
  }

  private JsonNode send(String method, String path, String json, int expected) throws IOException {
    String what = "alertmanager " + name + " (" + base + "): " + method + " " + path.split("\\?", 2)[0];
    Web.Reply response;
    try {
      WebRequest request = WebRequest.of(method, base + path, json == null ? null : "application/json", json)
          .header("Accept", "application/json");
      response = http.send(request);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof java.net.ConnectException) reason = "connection refused";
      else if (e instanceof InterruptedIOException) reason = Thread.currentThread().isInterrupted() ? "interrupted" : "request timed out";
      throw new IOException(what + ": " + reason, e);
    }
    if (response.status() != expected) {
      String body = response.body().strip();
      if (body.length() > 200) body = body.substring(0, 200) + "...";
      throw new Status(what + ": HTTP " + response.status() + (body.isEmpty() ? "" : " " + body), response.status());
    }
    String body = response.body();
    return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return out;
  }

  /** {@code a|pay*} as an anchored regular expression: {@code a|pay.*}, every other character literal. */
  static String regex(String value) {
    StringBuilder out = new StringBuilder();
    for (String alternative : value.split("\\|", -1)) {
      boolean prefix = alternative.endsWith("*");
      String stem = prefix ? alternative.substring(0, alternative.length() - 1) : alternative;
      if (out.length() > 0) out.append('|');
      out.append(stem.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0")).append(prefix ? ".*" : "");
    }
    return out.toString();
  }
}
