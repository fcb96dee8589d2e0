package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.Locale;

/**
 * {@code answer contains "10.0.0.5"}: one of the DNS answers is that text (names compared without case and without
 * a final dot; an MX answer also by its host alone), or, for TXT, one answer contains it. An address is never
 * matched by a longer one: "10.0.0.5" is not in "10.0.0.50".
 */
final class AnswerCondition extends WrittenCondition {
  private final String expected;

  AnswerCondition(String text, Shown shown, String expected) {
    super(text, shown, FailureClass.DNS, false);
    this.expected = normal(expected);
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    boolean found = false;
    for (String answer : o.answers()) {
      String a = normal(answer);
      int space = a.indexOf(' ');
      boolean mxHost = space > 0 && a.substring(0, space).chars().allMatch(Character::isDigit) && a.substring(space + 1).equals(expected);
      if (a.equals(expected) || mxHost || (isText(a) && a.contains(expected))) found = true;
    }
    return shown.result(this, found, o.answers().isEmpty() ? "none" : String.join(", ", o.answers()));
  }

  /** A TXT answer, told by what it holds: anything but an address, a name or an MX "priority name". */
  private static boolean isText(String answer) {
    return !answer.matches("[0-9a-z.:_-]+") && !answer.matches("\\d+ [0-9a-z._-]+");
  }

  private static String normal(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    return t.endsWith(".") && t.length() > 1 ? t.substring(0, t.length() - 1) : t;
  }
}
