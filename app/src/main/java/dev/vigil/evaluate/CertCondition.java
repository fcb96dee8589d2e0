package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.time.Duration;

/**
 * {@code cert expires > 14d}: time left on the server's leaf certificate, shown in words,
 * "certificate expires in 3 days (< 14d)". Without TLS it always fails.
 */
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
    int compared = left.compareTo(limit);
    boolean passed = op.holds(compared);
    String relation = compared < 0 ? "<" : compared > 0 ? ">" : "=";
    String words = left.isNegative()
        ? "certificate expired " + roughly(left.negated()) + " ago"
        : "certificate expires in " + roughly(left) + " (" + relation + " " + dev.vigil.config.Durations.format(limit) + ")";
    return new ConditionResult(this, passed, words);
  }

  /** Days when a day or more is left (to the nearest day), then hours, then minutes: certificates are read in days. */
  static String roughly(Duration d) {
    if (d.toHours() >= 24) return plural(Math.round(d.toMinutes() / 1440.0), "day");
    if (d.toHours() > 0) return plural(d.toHours(), "hour");
    return plural(d.toMinutes(), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
