package dev.vigil.engine;

import dev.vigil.alert.Alert;
import dev.vigil.alert.ExternalAlert;
import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.Monitor;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An item for the engine's pipeline thread, the only writer of alerts. */
sealed interface Work {
  /** A check finished (passed or failed). */
  record CheckDone(Monitor monitor, Verdict verdict) implements Work {}

  /** Vigil did not watch from {@code started} to {@code ended} (a sleep, a clock jump): recorded in history. */
  record Gap(java.time.Instant started, java.time.Instant ended, String reason) implements Work {}

  /** The monitors in the rules changed (start, hot reload). */
  record Configure(java.util.Map<String, dev.vigil.state.NetworkSense.Target> targets) implements Work {}

  /** An alert from the API or a source; {@code committed} completes once it is in the database. */
  record Intake(ExternalAlert alert, CompletableFuture<Optional<Alert>> committed) implements Work {}
}
