package dev.vigil.evaluate;

/** A condition that cannot be parsed; {@link #column()} is the 0-based offset of the mistake in the text. */
public final class ConditionSyntaxException extends Exception {
  private final int column;

  public ConditionSyntaxException(String message, int column) {
    super(message);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
