package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.regex.Pattern;

/** {@code body contains "UP"} or {@code body matches /"ok":\s*true/}; a regex gives up after a bounded effort
 * or when it recurses too deep. */
final class BodyCondition extends WrittenCondition {
  private static final long REGEX_BUDGET = 50_000_000;

  private final String needle;
  private final Pattern pattern;

  private BodyCondition(String text, Shown shown, String needle, Pattern pattern) {
    super(text, shown, FailureClass.BODY, true);
    this.needle = needle;
    this.pattern = pattern;
  }

  static BodyCondition contains(String text, Shown shown, String needle) {
    return new BodyCondition(text, shown, needle, null);
  }

  static BodyCondition matches(String text, Shown shown, Pattern pattern) {
    return new BodyCondition(text, shown, null, pattern);
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    String body = o.body();
    if (body == null) return shown.result(this, false, "no body");
    String size = Shown.bodyNote(body, o.bodyTruncated());
    if (pattern == null) {
      boolean found = body.contains(needle);
      return shown.result(this, found, (found ? "" : "no " + Shown.json(needle) + " in ") + size);
    }
    try {
      boolean found = pattern.matcher(new Budgeted(body, REGEX_BUDGET)).find();
      return shown.result(this, found, (found ? "" : "no match in ") + size);
    } catch (Budgeted.Exhausted | StackOverflowError e) {
      return shown.result(this, false, "regex gave up on " + size);
    }
  }

  /** The body seen through a counter, so a backtracking regex cannot hang a check. */
  private static final class Budgeted implements CharSequence {
    private final CharSequence s;
    private final long[] left;

    Budgeted(CharSequence s, long budget) {
      this(s, new long[] {budget});
    }

    private Budgeted(CharSequence s, long[] left) {
      this.s = s;
      this.left = left;
    }

    @Override
    public char charAt(int index) {
      if (--left[0] < 0) throw new Exhausted();
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Budgeted(s.subSequence(start, end), left);
    }

    @Override
    public String toString() {
      return s.toString();
    }

    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }
  }
}
