package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;

/** {@code header Content-Type contains json} and {@code header X-Env == prod}; case-sensitive on the value. */
final class HeaderCondition extends WrittenCondition {
  private final String name;
  private final boolean exact;
  private final String expected;

  HeaderCondition(String text, Shown shown, String name, boolean exact, String expected) {
    super(text, shown, FailureClass.PROTOCOL, false);
    this.name = name;
    this.exact = exact;
    this.expected = expected;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    String value = o.header(name);
    if (value == null) return shown.result(this, false, "missing");
    boolean passed = exact ? value.equals(expected) : value.contains(expected);
    return shown.result(this, passed, Shown.json(value));
  }
}
