package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.time.Duration;

/** {@code latency < 800ms}: how long the check took, compared with a limit. */
final class LatencyCondition extends WrittenCondition {
  private final Comparison op;
  private final Duration limit;

  LatencyCondition(String text, Shown shown, Comparison op, Duration limit) {
    super(text, shown, FailureClass.TIMEOUT, false);
    this.op = op;
    this.limit = limit;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    return shown.result(this, op.holds(o.latency().compareTo(limit)), o.latency().toMillis() + "ms");
  }
}
