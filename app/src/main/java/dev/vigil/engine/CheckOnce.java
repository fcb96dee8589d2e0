package dev.vigil.engine;

import dev.vigil.check.CheckRequest;
import dev.vigil.check.Checkers;
import dev.vigil.check.PingChecker;
import dev.vigil.check.Target;
import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.Evaluator;
import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.Monitor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One check now, outside any schedule, judged as the engine judges a monitor's check: {@code vigil check} and the
 * desktop's "Test" button. Blocks until the check ends (bounded by its timeout); call it off the FX thread.
 */
public final class CheckOnce {
  private CheckOnce() {}

  /** Checks {@code request} on a fresh set of checkers and judges it by {@code conditions}. */
  public static Verdict run(CheckRequest request, List<Condition> conditions, Clock clock) {
    try (Checkers checkers = Checkers.create(clock)) {
      return Evaluator.evaluate(checkers.check(request).join(), conditions);
    }
  }

  /** Why a check of {@code target} cannot run on this machine (ping without ICMP), or empty. */
  public static Optional<String> unavailable(Target target) {
    return target instanceof Target.Ping ? PingChecker.unavailable() : Optional.empty();
  }

  /** Checks a monitor not (yet) watched, as its scheduled check would, on a fresh connection. */
  public static Verdict run(Monitor m, Clock clock) {
    return run(Engine.request(m, true), m.expect(), clock);
  }
}
