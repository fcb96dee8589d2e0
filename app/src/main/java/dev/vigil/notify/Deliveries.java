package dev.vigil.notify;

import dev.vigil.policy.Decision;
import dev.vigil.policy.Level;
import dev.vigil.policy.Notification;
import dev.vigil.policy.Outcome;
import dev.vigil.store.PendingEscalation;
import dev.vigil.store.PolicyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages on the I/O executor and records every decision in the store's {@code notifications} log. Store
 * writes run one at a time, in the order they were made, so the log reads as things happened.
 */
final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class); // one log for all of noise control

  private final PolicyStore store;
  private final Clock clock;
  private final Executor io;
  private final Executor storeWriter;

  Deliveries(PolicyStore store, Clock clock, Executor io) {
    this.store = store;
    this.clock = clock;
    this.io = io;
    this.storeWriter = new SerialExecutor(io);
  }

  /** Sends on the I/O executor; the decision was recorded already, only a failure is recorded here. */
  void deliver(String channel, Level level, Channel via, Message m, Consumer<String> onReceipt) {
    io.execute(() -> {
      try {
        via.send(m).ifPresent(r -> {
          if (onReceipt != null) onReceipt.accept(r);
        });
      } catch (IOException | RuntimeException e) {
        record(clock.instant(), m.alertId(), new Decision(channel, level, Outcome.FAILED, e.getMessage()));
      }
    });
  }

  /** Sends on the I/O executor and records the outcome: sent, or failed with what went wrong. */
  void deliverRecorded(String channel, Level level, Channel via, Message m, Instant now,
      Consumer<String> onReceipt, String reason) {
    deliverRecorded(channel, level, via, m, now, onReceipt, reason, null);
  }

  /** As above; {@code onFailure} runs (on the I/O executor) after a failure is recorded. */
  void deliverRecorded(String channel, Level level, Channel via, Message m, Instant now,
      Consumer<String> onReceipt, String reason, Runnable onFailure) {
    io.execute(() -> {
      try {
        Optional<String> receipt = via.send(m);
        record(now, m.alertId(), Decision.sent(channel, level, reason));
        receipt.ifPresent(r -> {
          if (onReceipt != null) onReceipt.accept(r);
        });
      } catch (IOException | RuntimeException e) {
        record(now, m.alertId(), new Decision(channel, level, Outcome.FAILED, reason + ": " + e.getMessage()));
        if (onFailure != null) onFailure.run();
      }
    });
  }

  void record(Instant at, Long alertId, Decision d) {
    Notification n = Notification.of(at, alertId, d);
    LOG.debug("{}", n);
    write(() -> {
      try {
        store.record(n);
      } catch (RuntimeException e) {
        LOG.warn("Cannot record notification: {}", e.getMessage());
      }
    });
  }

  /** Saves an alert's place on the wake ladder, or deletes it when the alert has left the ladder. */
  void persist(long alertId, Optional<PendingEscalation> place) {
    write(() -> {
      try {
        if (place.isPresent()) store.saveEscalation(place.get());
        else store.deleteEscalation(alertId);
      } catch (RuntimeException e) {
        LOG.warn("Cannot persist the wake ladder: {}", e.getMessage());
      }
    });
  }

  /** Runs a store write after every write queued before it. */
  void write(Runnable storeWrite) {
    storeWriter.execute(storeWrite);
  }
}
