package dev.vigil.check;

import java.util.Locale;

/** Why a check failed, in the words an on-call engineer uses. Shown first in an alert's summary. */
public enum FailureClass {
  /** The host name did not resolve (or resolving it took too long). */
  DNS,
  /** TCP connect refused, unreachable, or reset before a response. */
  CONNECT,
  /** The check did not finish within its timeout, or a latency condition failed. */
  TIMEOUT,
  /** TLS handshake failed: expired, self-signed or wrong-host certificate; or a cert condition failed. */
  TLS,
  /** A response came, but its status did not meet the monitor's conditions. */
  STATUS,
  /** The body was too large, truncated, unreadable, or failed a body/json condition. */
  BODY,
  /** Anything else the server got wrong: bad HTTP, redirect loops, a header condition failed. */
  PROTOCOL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
