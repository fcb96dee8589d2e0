package dev.vigil.notify;

import dev.vigil.config.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.policy.Policy;
import dev.vigil.http.Web;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Pushover. Urgent messages use emergency priority 2, repeated every 60 s for up to an hour until
 * acknowledged; the receipt is returned so acknowledging on the desktop can {@link #cancel} it.
 */
public final class PushoverChannel implements Channel {
  private static final ObjectMapper JSON = Json.MAPPER;
  private static final String FORM = "application/x-www-form-urlencoded";
  private final Policy.Pushover config;
  private final Web http;

  /** Sends through {@code web} with the channels' timeouts. */
  public PushoverChannel(Policy.Pushover config, Web web) {
    this.config = config;
    this.http = Http.channels(web);
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
    String body = Http.send(http, Http.post(api() + "/1/messages.json", FORM, Http.form(form)), "Pushover");
    try {
      JsonNode json = JSON.readTree(body);
      return Optional.ofNullable(json.path("receipt").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the person acknowledged the emergency message on the phone ({@code GET /1/receipts/RECEIPT.json}). */
  public boolean acknowledged(String receipt) throws IOException {
    String url = api() + "/1/receipts/" + receipt + ".json?token="
        + java.net.URLEncoder.encode(config.token(), java.nio.charset.StandardCharsets.UTF_8);
    String body = Http.send(http, Http.get(url), "Pushover");
    try {
      return JSON.readTree(body).path("acknowledged").asInt(0) == 1;
    } catch (IOException e) {
      throw new IOException("Pushover: the receipt's answer is not JSON");
    }
  }

  /** Stops an emergency message from repeating. */
  public void cancel(String receipt) throws IOException {
    Http.send(http, Http.post(api() + "/1/receipts/" + receipt + "/cancel.json", FORM,
        Http.form(Http.fields("token", config.token()))), "Pushover");
  }
}
