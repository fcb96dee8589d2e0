package dev.vigil.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * K or more noisy alerts within a short window make one storm: the alert that completes the count starts it
 * (one alarm, one notification listing them all); later ones join it quietly until the window passes without
 * a new one. Not thread-safe; no I/O.
 */
public final class StormDetector {
  /** CALM: notify as usual. STARTED: this alert made the storm, tell once, listing {@code members}. JOINED: fold in. */
  public enum Status { CALM, STARTED, JOINED }

  public record Verdict(Status status, List<Member> members) {
    public Verdict {
      members = List.copyOf(members);
    }
  }

  public record Member(long alertId, String monitor, Instant at) {}

  private final Policy.Storm storm;
  private final Deque<Member> recent = new ArrayDeque<>();
  private boolean raging;

  public StormDetector(Policy.Storm storm) {
    this.storm = storm;
  }

  public Verdict observe(long alertId, String monitor, Instant at) {
    expire(at);
    recent.addLast(new Member(alertId, monitor, at));
    if (raging) return new Verdict(Status.JOINED, new ArrayList<>(recent));
    if (recent.size() >= storm.count()) {
      raging = true;
      return new Verdict(Status.STARTED, new ArrayList<>(recent));
    }
    return new Verdict(Status.CALM, List.of());
  }

  /** True while a storm is on: the last alert came within the window. */
  public boolean isRaging(Instant now) {
    expire(now);
    return raging;
  }

  private void expire(Instant now) {
    if (raging) {
      if (!recent.isEmpty() && now.isAfter(recent.getLast().at().plus(storm.within()))) {
        raging = false;
        recent.clear();
      }
      return;
    }
    while (!recent.isEmpty() && now.isAfter(recent.getFirst().at().plus(storm.within()))) recent.removeFirst();
  }
}
