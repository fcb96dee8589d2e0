package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.regex.Pattern;

/**
 * {@code body contains "UP"} or {@code body matches /"ok":\s*true/}, and the same of a TCP server's first line,
 * {@code banner contains "ESMTP"}; a regex gives up after a bounded effort or when it recurses too deep.
 */
final class BodyCondition extends WrittenCondition {
  private static final long REGEX_BUDGET = 50_000_000;

  private final String needle;
  private final Pattern pattern;
  private final boolean banner;

  private BodyCondition(String text, Shown shown, String needle, Pattern pattern, boolean banner) {
    super(text, shown, banner ? FailureClass.PROTOCOL : FailureClass.BODY, true);
    this.needle = needle;
    this.pattern = pattern;
    this.banner = banner;
  }

  /** @param banner true for a TCP banner, false for an HTTP body */
  static BodyCondition contains(String text, Shown shown, String needle, boolean banner) {
    return new BodyCondition(text, shown, needle, null, banner);
  }

  static BodyCondition matches(String text, Shown shown, Pattern pattern, boolean banner) {
    return new BodyCondition(text, shown, null, pattern, banner);
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    String body = banner ? o.banner() : o.body();
    if (body == null) return shown.result(this, false, banner ? "nothing read" : "no body");
    if (banner) return shown.result(this, holds(body), body.isEmpty() ? "nothing sent" : Shown.json(body));
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

  private boolean holds(String body) {
    if (pattern == null) return body.contains(needle);
    try {
      return pattern.matcher(new Budgeted(body, REGEX_BUDGET)).find();
    } catch (Budgeted.Exhausted | StackOverflowError e) {
      return false;
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
