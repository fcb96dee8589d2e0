package dev.vigil.cli;

/** Who acted, as the timeline shows it: {@code cli:alice}. */
final class Actor {
  private Actor() {}

  static String cli() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
