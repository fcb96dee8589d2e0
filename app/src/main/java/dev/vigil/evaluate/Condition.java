package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;

/**
 * One line of a monitor's {@code expect:} list, parsed once when rules load
 * (see {@link ConditionParser}). Evaluating it never throws.
 */
public interface Condition {
  /** Evaluates against a check that got a response; the result shows the value it saw. */
  ConditionResult evaluate(Observation observation);

  /** The condition as written in the rules file, e.g. {@code status == 200}. */
  String text();

  /** What the condition looks at, as written first: status, latency, body, json, header, cert, banner, answer, rcode. */
  String subject();

  /** True when the body must be read to evaluate this condition. */
  boolean needsBody();

  /** The class a failure of this condition is reported under (status, body, timeout, tls, protocol). */
  FailureClass failureClass();
}
