package dev.vigil.notify;

import dev.vigil.alert.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts held back by a failing parent ({@code dependsOn}), so that the parent's alarm, pop-up and page name the
 * root cause and how many services behind it fail: {@code core-db is down; 12 services behind it are failing}.
 * Guarded by the {@link Notifier}'s monitor.
 */
final class Dependents {
  private final Map<Long, Alert> held = new LinkedHashMap<>();

  void hold(Alert child) {
    held.put(child.id(), child);
  }

  /** The child made noise, was acknowledged or resolved: it is no longer counted. */
  void drop(long alertId) {
    held.remove(alertId);
  }

  /** Takes and returns the children {@code parent} held. */
  List<Alert> release(String parent) {
    List<Alert> out = new ArrayList<>();
    held.values().removeIf(a -> {
      if (!parent.equals(a.heldBy())) return false;
      out.add(a);
      return true;
    });
    return out;
  }

  int behind(String parent) {
    return (int) held.values().stream().filter(a -> parent.equals(a.heldBy())).count();
  }

  /** {@code core-db is down; 12 services behind it are failing}, or empty when nothing waits behind it. */
  String rootCause(Alert parent) {
    int n = behind(parent.monitor());
    if (n == 0) return "";
    return parent.monitor() + " is down; " + n + (n == 1 ? " service behind it is failing" : " services behind it are failing");
  }

  /**
   * What a message about {@code a} says: the root cause first when services wait behind it, then its failure, then
   * its runbook when the monitor names one ({@code Runbook: URL}, what to do at 3 a.m.).
   */
  String body(Alert a) {
    return body(a, "");
  }

  /** {@link #body(Alert)} with {@code suffix} after the failure, before the runbook. */
  String body(Alert a, String suffix) {
    String cause = rootCause(a);
    String runbook = Message.runbookOf(a);
    return (cause.isEmpty() ? "" : cause + "\n") + a.summary() + suffix + (runbook == null ? "" : "\nRunbook: " + runbook);
  }
}
