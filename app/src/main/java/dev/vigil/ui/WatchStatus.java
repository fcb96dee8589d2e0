package dev.vigil.ui;

/**
 * Whether Vigil is watching. When it is not, {@code reason} says why in words a person reads at 3 a.m.,
 * e.g. "network down", "scheduler stalled", "no rules".
 */
public record WatchStatus(boolean watching, String reason) {
  public static final WatchStatus WATCHING = new WatchStatus(true, "");

  public static WatchStatus notWatching(String reason) {
    return new WatchStatus(false, reason);
  }
}
