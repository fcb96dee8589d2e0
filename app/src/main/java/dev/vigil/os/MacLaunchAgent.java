package dev.vigil.os;

import java.nio.file.Path;
import java.util.List;

/** macOS: the LaunchAgent {@code ~/Library/LaunchAgents/dev.vigil.plist}, run at login, not kept alive after Quit. */
final class MacLaunchAgent extends EntryFile {
  static final String LABEL = "dev.vigil";

  MacLaunchAgent(Path launchAgentsDir, List<String> command) {
    super(launchAgentsDir.resolve(LABEL + ".plist"), command);
  }

  @Override
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
