package dev.vigil.cli;

/**
 * A command that cannot do what it was asked, for a reason the user can act on: the command line prints
 * {@code vigil COMMAND: message} on stderr and exits with {@link #exitCode} (1 a problem or refusal, 2 a usage
 * mistake), never a stack trace.
 */
final class Refused extends RuntimeException {
  final int exitCode;

  private Refused(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** Exit 1: a problem found, or a refusal. */
  static Refused problem(String message) {
    return new Refused(1, message);
  }

  /** Exit 2: the command line itself is wrong. */
  static Refused usage(String message) {
    return new Refused(2, message);
  }
}
