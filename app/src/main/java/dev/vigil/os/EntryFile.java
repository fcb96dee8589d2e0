package dev.vigil.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** An autostart that is one file the desktop reads at login: written atomically, removed to turn it off. */
abstract class EntryFile implements Autostart {
  private final Path file;
  final List<String> command;

  EntryFile(Path file, List<String> command) {
    this.file = file;
    this.command = List.copyOf(command);
  }

  /** The file's text for {@link #command}. */
  abstract String content();

  @Override
  public final void enable() throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, content(), StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public final void disable() throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public final boolean enabled() {
    return Files.isRegularFile(file);
  }

  @Override
  public final String where() {
    return file.toString();
  }
}
