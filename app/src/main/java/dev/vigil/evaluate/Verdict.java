package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.List;

/**
 * A check's result after its conditions: passed, or failed with a class and a summary in words.
 *
 * @param failure null when passed
 * @param summary {@code "<class>: <what failed>"}, e.g. {@code "status: status (503) == 200"} or
 *     {@code "connect: connection refused"}; "ok" when passed
 * @param results every condition evaluated (empty on a transport failure)
 */
public record Verdict(
    Observation observation, boolean passed, FailureClass failure, String summary, List<ConditionResult> results) {

  public Verdict {
    results = List.copyOf(results);
  }
}
