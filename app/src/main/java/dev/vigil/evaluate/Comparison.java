package dev.vigil.evaluate;

/** A comparison operator as written in a condition. */
enum Comparison {
  EQ("=="),
  NE("!="),
  LE("<="),
  GE(">="),
  LT("<"),
  GT(">");

  final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  boolean ordering() {
    return this != EQ && this != NE;
  }

  /** Whether {@code actual OP expected} holds, given {@code Integer.signum(compare(actual, expected))}. */
  boolean holds(int compared) {
    switch (this) {
      case EQ: return compared == 0;
      case NE: return compared != 0;
      case LT: return compared < 0;
      case LE: return compared <= 0;
      case GT: return compared > 0;
      default: return compared >= 0;
    }
  }
}
