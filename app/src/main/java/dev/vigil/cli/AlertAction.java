package dev.vigil.cli;

import dev.vigil.alert.Alert;
import dev.vigil.store.AlertStore;
import dev.vigil.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * Acts on one alert by writing the shared database. A running instance on the same data folder sees the
 * commit within its 200 ms change poll, so an ack stops its alarm within a second.
 */
final class AlertAction {
  private AlertAction() {}

  static int apply(CommandLine cli, Path dataDir, long id, String verb, BiFunction<AlertStore, Instant, Optional<Alert>> action) {
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
      Alert after = action.apply(store, Instant.now()).orElseThrow();
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
