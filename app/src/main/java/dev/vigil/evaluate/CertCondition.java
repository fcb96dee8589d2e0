package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.time.Duration;

/** {@code cert expires > 14d}: time left on the server's leaf certificate. Plain HTTP always fails. */
final class CertCondition extends WrittenCondition {
  private final Comparison op;
  private final Duration limit;

  CertCondition(String text, Shown shown, Comparison op, Duration limit) {
    super(text, shown, FailureClass.TLS, false);
    this.op = op;
    this.limit = limit;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    if (o.certNotAfter() == null) return shown.result(this, false, "no TLS");
    Duration left = Duration.between(o.at(), o.certNotAfter());
    boolean passed = op.holds(left.compareTo(limit));
    return shown.result(this, passed, left.isNegative() ? "expired " + roughly(left.negated()) + " ago" : roughly(left));
  }

  /** Days when a day or more is left, then hours, then minutes: certificates are read in days. */
  static String roughly(Duration d) {
    if (d.toDays() > 0) return d.toDays() + "d";
    if (d.toHours() > 0) return d.toHours() + "h";
    return d.toMinutes() + "m";
  }
}
