package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.Set;

/** {@code status == 200}, {@code status < 400}, {@code status in [200, 204]}. */
final class StatusCondition implements Condition {
  private final String text;
  private final Shown shown;
  private final Comparison op;
  private final int code;
  private final Set<Integer> anyOf;

  StatusCondition(String text, Shown shown, Comparison op, int code) {
    this(text, shown, op, code, Set.of());
  }

  StatusCondition(String text, Shown shown, Set<Integer> anyOf) {
    this(text, shown, null, 0, anyOf);
  }

  private StatusCondition(String text, Shown shown, Comparison op, int code, Set<Integer> anyOf) {
    this.text = text;
    this.shown = shown;
    this.op = op;
    this.code = code;
    this.anyOf = Set.copyOf(anyOf);
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    boolean passed = op == null ? anyOf.contains(o.status()) : op.holds(Integer.compare(o.status(), code));
    return shown.result(this, passed, String.valueOf(o.status()));
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
    return FailureClass.STATUS;
  }

  @Override
  public String toString() {
    return text;
  }
}
