package dev.vigil;

import dev.vigil.cli.VigilCommand;

/** {@code java -jar vigil.jar COMMAND}: see {@code vigil --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = VigilCommand.execute(args);
    if (code != VigilCommand.KEEP_RUNNING) System.exit(code);
  }
}
