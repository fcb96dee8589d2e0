package dev.vigil.config;

import java.nio.file.Path;

/** Where something was written: a rules file, 1-based line and column. */
public record Location(Path file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
