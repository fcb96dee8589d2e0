package dev.vigil.notify;

import java.io.IOException;
import java.util.Optional;

/** One way to reach the person: the desktop, ntfy, Pushover, a webhook. Called off the pipeline thread. */
@FunctionalInterface
public interface Channel {
  /**
   * Delivers the message, or throws with what went wrong (never with a secret in the message).
   *
   * @return the provider's receipt when it gives one (a Pushover emergency receipt), to cancel it later
   */
  Optional<String> send(Message message) throws IOException;
}
