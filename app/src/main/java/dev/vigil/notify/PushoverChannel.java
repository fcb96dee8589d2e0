package dev.vigil.notify;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.policy.Policy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Pushover. Urgent messages use emergency priority 2, repeated every 60 s for up to an hour until
 * acknowledged; the receipt is returned so acknowledging on the desktop can {@link #cancel} it.
 */
public final class PushoverChannel implements Channel {
  private static final ObjectMapper JSON = Json.MAPPER;
  private final Policy.Pushover config;
  private final HttpClient http;

  public PushoverChannel(Policy.Pushover config) {
    this(config, Http.client());
  }

  PushoverChannel(Policy.Pushover config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  private String api() {
    return config.api().endsWith("/") ? config.api().substring(0, config.api().length() - 1) : config.api();
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    Map<String, String> form = Http.fields("token", config.token(), "user", config.user(), "title", m.title(),
        "message", m.body().isEmpty() ? m.title() : m.body());
    if (m.urgent()) {
      form.put("priority", "2");
      form.put("retry", "60");
      form.put("expire", "3600");
    } else {
      form.put("priority", "0");
    }
    HttpRequest r = Http.request(api() + "/1/messages.json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)))
        .build();
    String body = Http.send(http, r, "Pushover").body();
    try {
      JsonNode json = JSON.readTree(body);
      return Optional.ofNullable(json.path("receipt").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the person acknowledged the emergency message on the phone ({@code GET /1/receipts/RECEIPT.json}). */
  public boolean acknowledged(String receipt) throws IOException {
    HttpRequest r = Http.request(api() + "/1/receipts/" + receipt + ".json?token="
            + java.net.URLEncoder.encode(config.token(), java.nio.charset.StandardCharsets.UTF_8))
        .GET()
        .build();
    String body = Http.send(http, r, "Pushover").body();
    try {
      return JSON.readTree(body).path("acknowledged").asInt(0) == 1;
    } catch (IOException e) {
      throw new IOException("Pushover: the receipt's answer is not JSON");
    }
  }

  /** Stops an emergency message from repeating. */
  public void cancel(String receipt) throws IOException {
    HttpRequest r = Http.request(api() + "/1/receipts/" + receipt + "/cancel.json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Http.form(Http.fields("token", config.token()))))
        .build();
    Http.send(http, r, "Pushover");
  }
}
