package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;

/** What every condition keeps: the text as written, how it shows a value, its failure class and body need. */
abstract class WrittenCondition implements Condition {
  final String text;
  final Shown shown;
  private final FailureClass failureClass;
  private final boolean needsBody;

  WrittenCondition(String text, Shown shown, FailureClass failureClass, boolean needsBody) {
    this.text = text;
    this.shown = shown;
    this.failureClass = failureClass;
    this.needsBody = needsBody;
  }

  @Override
  public final String text() {
    return text;
  }

  @Override
  public final String subject() {
    String t = text.strip();
    int end = 0;
    while (end < t.length() && Character.isLetter(t.charAt(end))) end++;
    return t.substring(0, end);
  }

  @Override
  public final boolean needsBody() {
    return needsBody;
  }

  @Override
  public final FailureClass failureClass() {
    return failureClass;
  }

  @Override
  public final String toString() {
    return text;
  }
}
