package dev.vigil.engine;

/**
 * Whether Vigil is able to watch right now. "Never fail silently": when it cannot, it says why.
 *
 * @param reason null while watching, else e.g. "no rules", "monitoring stalled: no check completed for 90s"
 */
public record WatchStatus(boolean watching, String reason) {
  public static final WatchStatus WATCHING = new WatchStatus(true, null);

  public static WatchStatus notWatching(String reason) {
    return new WatchStatus(false, reason);
  }
}
