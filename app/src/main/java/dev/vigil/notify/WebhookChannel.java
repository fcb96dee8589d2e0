package dev.vigil.notify;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.policy.Policy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Optional;

/** A generic contact: {@code POST url} with {@code {"alertId", "title", "body", "urgent"}} as JSON. */
public final class WebhookChannel implements Channel {
  private static final ObjectMapper JSON = Json.MAPPER;
  private final Policy.Webhook config;
  private final HttpClient http;

  public WebhookChannel(Policy.Webhook config) {
    this(config, Http.client());
  }

  WebhookChannel(Policy.Webhook config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (m.alertId() == null) body.putNull("alertId");
    else body.put("alertId", m.alertId());
    body.put("title", m.title());
    body.put("body", m.body());
    body.put("urgent", m.urgent());
    HttpRequest r = Http.request(config.url())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    Http.send(http, r, "webhook");
    return Optional.empty();
  }
}
