package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.time.Duration;

/** {@code latency < 800ms}: how long the check took, compared with a limit. */
final class LatencyCondition implements Condition {
  private final String text;
  private final Shown shown;
  private final Comparison op;
  private final Duration limit;

  LatencyCondition(String text, Shown shown, Comparison op, Duration limit) {
    this.text = text;
    this.shown = shown;
    this.op = op;
    this.limit = limit;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    return shown.result(this, op.holds(o.latency().compareTo(limit)), o.latency().toMillis() + "ms");
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public boolean needsBody() {
    return false;
  }

  @Override
  public FailureClass failureClass() {
    return FailureClass.TIMEOUT;
  }

  @Override
  public String toString() {
    return text;
  }
}
