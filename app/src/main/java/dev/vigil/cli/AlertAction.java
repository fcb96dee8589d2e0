package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Alert;
import dev.vigil.api.ApiClient;
import dev.vigil.api.ApiPortFile;
import dev.vigil.store.AlertActions;
import dev.vigil.store.AlertStore;
import dev.vigil.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * Acts on one alert (ack, snooze, resolve). When a Vigil runs on the same data folder (proven by the folder's identity,
 * not only by {@code DATA/api-port}, which a copy of another folder carries), the command goes through its local API;
 * a refusal there is shown with its reason and exit 1, never written around. Otherwise it writes the database directly.
 * Either way the running instance hears the commit within its 200 ms change poll, so an ack stops its alarm
 * within a second.
 */
final class AlertAction {
  private AlertAction() {}

  /** A call to the running instance's API, or null when the action has no endpoint. */
  @FunctionalInterface
  interface Remote {
    ApiClient.Response call(ApiClient api) throws IOException;
  }

  static int apply(CommandLine cli, Path dataDir, long id, String verb,
      BiFunction<AlertActions, Instant, Optional<Alert>> local, Remote remote) {
    if (remote != null) {
      ApiPortFile.Lookup found = ApiPortFile.lookup(dataDir);
      if (found instanceof ApiPortFile.Lookup.OtherFolder other) {
        cli.getErr().printf("vigil %s: the Vigil on 127.0.0.1:%d serves %s, not %s: acting on %s directly%n",
            cli.getCommandName(), other.port(), other.served(), dataDir, dataDir);
        cli.getErr().flush();
      }
      if (found instanceof ApiPortFile.Lookup.Running running) {
        try {
          ApiClient.Response r = remote.call(running.client());
          if (!r.ok()) {
            // The running instance refused, and said why: never write around it.
            cli.getErr().printf("vigil %s: alert #%d not %s: %s (refused by the running Vigil)%n", cli.getCommandName(), id, verb, reason(r));
            cli.getErr().flush();
            return 1;
          }
          JsonNode a = Terminal.JSON.readTree(r.body());
          String state = a.hasNonNull("snoozedUntil")
              ? "snoozed until " + Terminal.time(OffsetDateTime.parse(a.get("snoozedUntil").asText()).toInstant())
              : a.path("state").asText();
          cli.getOut().printf("#%d %s %s: %s (by the running Vigil)%n", a.path("id").asLong(), a.path("monitor").asText(), verb, state);
          cli.getOut().flush();
          return 0;
        } catch (IOException e) {
          // the instance went away between the health check and the call: write the database instead
        }
      }
    }
    try (AlertStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
      Optional<Alert> before = store.find(id);
      if (before.isEmpty()) {
        cli.getErr().printf("vigil %s: no alert #%d in %s%n", cli.getCommandName(), id, dataDir);
        cli.getErr().flush();
        return 1;
      }
      if (!before.get().isOpen()) {
        cli.getErr().printf("vigil %s: alert #%d (%s) is already resolved%n", cli.getCommandName(), id, before.get().monitor());
        cli.getErr().flush();
        return 1;
      }
      Alert after = local.apply(store, Instant.now()).orElseThrow();
      cli.getOut().printf("#%d %s %s: %s%n", after.id(), after.monitor(), verb, describe(after));
      cli.getOut().flush();
      return 0;
    }
  }

  /** The refusal's own words ({@code {"error": "..."}}), else its status. */
  private static String reason(ApiClient.Response r) {
    try {
      JsonNode body = Terminal.JSON.readTree(r.body());
      if (body.hasNonNull("error")) return body.get("error").asText();
    } catch (IOException | RuntimeException e) {
      // not JSON: the status says enough
    }
    return "HTTP " + r.status();
  }

  private static String describe(Alert a) {
    if (a.snoozedUntil() != null) return "snoozed until " + Terminal.time(a.snoozedUntil());
    return a.state().label();
  }
}
