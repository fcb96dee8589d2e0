package dev.vigil.notify;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.policy.Policy;
import dev.vigil.http.Web;
import java.io.IOException;
import java.util.Optional;

/** A generic contact: {@code POST url} with {@code {"alertId", "title", "body", "urgent"}} as JSON. */
public final class WebhookChannel implements Channel {
  private static final ObjectMapper JSON = Json.MAPPER;
  private final Policy.Webhook config;
  private final Web http;

  /** Sends through {@code web} with the channels' timeouts. */
  public WebhookChannel(Policy.Webhook config, Web web) {
    this.config = config;
    this.http = Http.channels(web);
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    if (m.alertId() == null) body.putNull("alertId");
    else body.put("alertId", m.alertId());
    body.put("title", m.title());
    body.put("body", m.body());
    body.put("urgent", m.urgent());
    Http.send(http, Http.post(config.url(), "application/json", JSON.writeValueAsString(body)), "webhook");
    return Optional.empty();
  }
}
