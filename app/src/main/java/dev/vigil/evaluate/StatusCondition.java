package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.Set;

/** {@code status == 200}, {@code status < 400}, {@code status in [200, 204]}. */
final class StatusCondition extends WrittenCondition {
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
    super(text, shown, FailureClass.STATUS, false);
    this.op = op;
    this.code = code;
    this.anyOf = Set.copyOf(anyOf);
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    boolean passed = op == null ? anyOf.contains(o.status()) : op.holds(Integer.compare(o.status(), code));
    return shown.result(this, passed, String.valueOf(o.status()));
  }
}
