package dev.vigil.schedule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors of one interval and slot, started one after the other by one Quartz trigger. A check only starts
 * its work (an asynchronous call), so a slot of hundreds takes milliseconds; what a check throws stays with it.
 */
final class Slot {
  private static final Logger log = LoggerFactory.getLogger(Slot.class);

  private final Map<String, Member> members = new ConcurrentHashMap<>();

  /** A monitor's check, and the first fire time (epoch ms) it may run at: later than 0 after a Retry-After. */
  private record Member(Runnable check, long notBefore) {}

  /** Adds the monitor or replaces its check; a postponement ends. */
  void put(String monitorId, Runnable check) {
    members.put(monitorId, new Member(check, 0));
  }

  /** True when the slot is left empty. */
  synchronized boolean remove(String monitorId) {
    members.remove(monitorId);
    return members.isEmpty();
  }

  void postpone(String monitorId, long notBeforeMillis) {
    members.computeIfPresent(monitorId, (id, m) -> new Member(m.check(), notBeforeMillis));
  }

  void addChecksTo(List<Runnable> checks) {
    members.values().forEach(m -> checks.add(m.check()));
  }

  /** Starts every member's check due at {@code scheduledMillis}; each one's lateness counts from that time. */
  void run(long scheduledMillis, Lateness lateness) {
    for (Map.Entry<String, Member> entry : members.entrySet()) {
      Member m = entry.getValue();
      if (m.notBefore() > scheduledMillis) continue;
      lateness.record(System.currentTimeMillis() - scheduledMillis);
      try {
        m.check().run();
      } catch (Throwable t) {
        log.warn("check for monitor {} threw", entry.getKey(), t);
      }
    }
  }
}
