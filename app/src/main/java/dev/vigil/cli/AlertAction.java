package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Alert;
import dev.vigil.api.ApiClient;
import dev.vigil.api.ApiPortFile;
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
 * Acts on one alert (ack, snooze, resolve). When a Vigil runs on the same data folder, the command goes through its local API
 * ({@code DATA/api-port}, the token in {@code DATA/api-token}); otherwise it writes the shared database directly.
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
      BiFunction<AlertStore, Instant, Optional<Alert>> local, Remote remote) {
    if (remote != null) {
      Optional<ApiClient> running = ApiPortFile.runningInstance(dataDir);
      if (running.isPresent()) {
        try {
          ApiClient.Response r = remote.call(running.get());
          if (r.ok()) {
            JsonNode a = Terminal.JSON.readTree(r.body());
            String state = a.hasNonNull("snoozedUntil")
                ? "snoozed until " + Terminal.time(OffsetDateTime.parse(a.get("snoozedUntil").asText()).toInstant())
                : a.path("state").asText();
            cli.getOut().printf("#%d %s %s: %s (by the running Vigil)%n", a.path("id").asLong(), a.path("monitor").asText(), verb, state);
            cli.getOut().flush();
            return 0;
          }
          // 404 and other refusals: the database says precisely why, below.
        } catch (IOException e) {
          // the instance went away between the health check and the call: write the database instead
        }
      }
    }
    try (AlertStore store = SqliteStore.open(dataDir, Clock.systemUTC())) {
      Optional<Alert> before = store.find(id);
      if (before.isEmpty()) {
        cli.getErr().printf("vigil: no alert #%d in %s%n", id, dataDir);
        cli.getErr().flush();
        return 1;
      }
      if (!before.get().isOpen()) {
        cli.getErr().printf("vigil: alert #%d (%s) is already resolved%n", id, before.get().monitor());
        cli.getErr().flush();
        return 1;
      }
      Alert after = local.apply(store, Instant.now()).orElseThrow();
      cli.getOut().printf("#%d %s %s: %s%n", after.id(), after.monitor(), verb, describe(after));
      cli.getOut().flush();
      return 0;
    }
  }

  private static String describe(Alert a) {
    if (a.snoozedUntil() != null) return "snoozed until " + Terminal.time(a.snoozedUntil());
    return a.state().label();
  }
}
