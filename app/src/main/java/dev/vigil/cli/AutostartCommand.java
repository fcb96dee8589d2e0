package dev.vigil.cli;

import dev.vigil.os.Autostart;
import dev.vigil.os.DataDirs;
import dev.vigil.os.Launcher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "autostart",
    description = "Start Vigil to the tray at login: on, off, or status. (Linux: XDG autostart entry; Windows: Run key;"
        + " macOS: LaunchAgent.)")
final class AutostartCommand implements Callable<Integer> {
  enum Action { ON, OFF, STATUS }

  @Parameters(paramLabel = "on|off|status", description = "on, off or status") Action action;
  @Option(names = "--data", paramLabel = "DIR", description = "Data folder the started Vigil uses (default: the usual one).")
  java.nio.file.Path data;
  @Spec CommandSpec spec;
  @ParentCommand VigilCommand root;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DataDirs dirs = root == null ? DataDirs.current() : root.dirs();
    List<String> args = new ArrayList<>(List.of("run"));
    if (data != null) {
      args.add("--data");
      args.add(dirs.expandHome(data).toAbsolutePath().toString());
    }
    Autostart autostart = Autostart.forOs(dirs.os(), dirs.env(), dirs.home(), Launcher.current(args));
    switch (action) {
      case ON -> {
        autostart.enable();
        out.printf("Autostart on: Vigil starts to the tray at login (%s)%n", autostart.where());
      }
      case OFF -> {
        boolean was = autostart.enabled();
        autostart.disable();
        out.println(was ? "Autostart off: removed " + autostart.where() : "Autostart was already off");
      }
      case STATUS -> out.println(autostart.enabled() ? "Autostart is on (" + autostart.where() + ")" : "Autostart is off");
    }
    out.flush();
    return 0;
  }
}
