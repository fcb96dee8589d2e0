package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.ArrayList;
import java.util.List;

/** Turns what a check saw into a verdict: every condition is evaluated, the first failure names the class. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * @param expect the monitor's conditions (for HTTP never empty: the loader puts in {@code status < 400}; other
   *     kinds may have none, and then the check passes when it connected, shook hands or got an answer)
   */
  public static Verdict evaluate(Observation o, List<Condition> expect) {
    if (o.failure() != null && !judgesRcode(o, expect)) {
      String detail = o.failureDetail() == null ? "no detail" : o.failureDetail();
      return new Verdict(o, false, o.failure(), o.failure().label() + ": " + detail, List.of());
    }
    List<ConditionResult> results = new ArrayList<>(expect.size());
    List<ConditionResult> failed = new ArrayList<>();
    for (Condition c : expect) {
      ConditionResult r = evaluate(o, c);
      results.add(r);
      if (!r.passed()) failed.add(r);
    }
    if (failed.isEmpty()) return new Verdict(o, true, null, "ok", results);
    FailureClass first = failed.get(0).condition().failureClass();
    StringBuilder summary = new StringBuilder(first.label()).append(": ").append(failed.get(0).shown());
    if (failed.size() > 1) summary.append(" (+").append(failed.size() - 1).append(" more)");
    boolean hiddenBodyFailure =
        failed.stream().skip(1).anyMatch(r -> r.condition().failureClass() == FailureClass.BODY);
    if (o.bodyTruncated() && first != FailureClass.BODY && hiddenBodyFailure) summary.append(" (body truncated)");
    return new Verdict(o, false, first, summary.toString(), results);
  }

  /**
   * A DNS answer with an error code (or without the record asked for) is a failure in words, "NXDOMAIN for
   * db.example", unless the monitor judges the response code itself ({@code rcode == NXDOMAIN}).
   */
  private static boolean judgesRcode(Observation o, List<Condition> expect) {
    return o.rcode() != null && expect.stream().anyMatch(c -> c.subject().equals("rcode"));
  }

  private static ConditionResult evaluate(Observation o, Condition c) {
    try {
      return c.evaluate(o);
    } catch (RuntimeException | StackOverflowError e) {
      return new ConditionResult(c, false, c.text() + " (could not evaluate: " + e.getClass().getSimpleName() + ")");
    }
  }
}
