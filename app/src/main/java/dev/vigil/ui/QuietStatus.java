package dev.vigil.ui;

import java.time.Instant;

/**
 * Whether quiet mode is on.
 *
 * @param until when it ends by itself, or null when it stays on until turned off
 */
public record QuietStatus(boolean on, Instant until) {
  public static final QuietStatus OFF = new QuietStatus(false, null);

  public static QuietStatus until(Instant until) {
    return new QuietStatus(true, until);
  }
}
