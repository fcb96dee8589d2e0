package dev.vigil.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** macOS: the LaunchAgent {@code ~/Library/LaunchAgents/dev.vigil.plist}, run at login, not kept alive after Quit. */
final class MacLaunchAgent implements Autostart {
  static final String LABEL = "dev.vigil";
  private final Path plist;
  private final List<String> command;

  MacLaunchAgent(Path launchAgentsDir, List<String> command) {
    this.plist = launchAgentsDir.resolve(LABEL + ".plist");
    this.command = List.copyOf(command);
  }

  @Override
  public void enable() throws IOException {
    Files.createDirectories(plist.getParent());
    Path partial = plist.resolveSibling(LABEL + ".plist.partial");
    Files.writeString(partial, content(), StandardCharsets.UTF_8);
    Files.move(partial, plist, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void disable() throws IOException {
    Files.deleteIfExists(plist);
  }

  @Override
  public boolean enabled() {
    return Files.isRegularFile(plist);
  }

  @Override
  public String where() {
    return plist.toString();
  }

  String content() {
    StringBuilder args = new StringBuilder();
    for (String a : command) args.append("    <string>").append(xml(a)).append("</string>\n");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
          <key>Label</key>
          <string>%s</string>
          <key>ProgramArguments</key>
          <array>
        %s  </array>
          <key>RunAtLoad</key>
          <true/>
          <key>KeepAlive</key>
          <false/>
          <key>ProcessType</key>
          <string>Interactive</string>
        </dict>
        </plist>
        """.formatted(LABEL, args);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
