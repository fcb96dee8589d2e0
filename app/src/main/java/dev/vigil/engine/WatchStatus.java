package dev.vigil.engine;

/**
 * Whether Vigil is able to watch right now. "Never fail silently": when it cannot, it says why; when the last edit
 * of the rules was refused (the last good rules still run), it says how many problems that edit had.
 *
 * @param reason null while watching, else e.g. "no rules", "monitoring stalled: no check completed for 90s"
 * @param reloadProblems problems of the last rules edit, which was not applied; 0 when it was (or none came)
 */
public record WatchStatus(boolean watching, String reason, int reloadProblems) {
  public static final WatchStatus WATCHING = new WatchStatus(true, null, 0);

  public static WatchStatus notWatching(String reason) {
    return new WatchStatus(false, reason, 0);
  }

  public WatchStatus withReloadProblems(int problems) {
    return new WatchStatus(watching, reason, problems);
  }

  /** "rules not reloaded: 2 problems, see `vigil status`", or null when the last edit was applied. */
  public String reloadWarning() {
    if (reloadProblems == 0) return null;
    return "rules not reloaded: " + reloadProblems + (reloadProblems == 1 ? " problem" : " problems") + ", see `vigil status`";
  }
}
