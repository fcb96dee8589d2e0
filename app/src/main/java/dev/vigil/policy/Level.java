package dev.vigil.policy;

import java.util.Locale;
import java.util.Optional;

/** How loud a notification is, from the wake ladder down to the tray; also the words used in policy.yaml. */
public enum Level {
  /** The wake ladder: a rising alarm, then the phone, then a further contact. */
  WAKE,
  /** A desktop notification and a short chime. */
  CHIME,
  /** A desktop notification, no sound. */
  NOTIFY,
  /** Only the tray count changes. */
  TRAY,
  /** Held without sound for the morning digest. */
  DIGEST;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Level> parse(String text) {
    if (text == null) return Optional.empty();
    for (Level l : values()) {
      if (l.label().equals(text.trim().toLowerCase(Locale.ROOT))) return Optional.of(l);
    }
    return Optional.empty();
  }

  /** True for the levels that make sound or a pop-up, which quiet mode holds back. */
  public boolean isNoisy() {
    return this == WAKE || this == CHIME || this == NOTIFY;
  }
}
