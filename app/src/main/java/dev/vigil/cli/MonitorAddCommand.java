package dev.vigil.cli;

import dev.vigil.config.RuleProblem;
import dev.vigil.rules.RulesLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil monitor add FILE --id ID --url URL [...]}: writes one monitor into a rules file, keeping every other
 * byte of it (comments, layout, order). The folder is checked with the rules reader first, as it would be with the
 * new monitor in it; any new problem refuses the change and leaves the file as it was. A running Vigil reloads it.
 */
@Command(name = "add", description = "Add a monitor to a rules file, keeping its comments and layout.")
final class MonitorAddCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The rules file (created when missing).") Path file;
  @Option(names = "--id", required = true, paramLabel = "ID", description = "The monitor's id, unique across the rules.") String id;
  @ArgGroup(exclusive = true, multiplicity = "1") Target target;
  @Option(names = "--interval", paramLabel = "D", description = "e.g. 30s (default 30s).") String interval;
  @Option(names = "--timeout", paramLabel = "D", description = "e.g. 5s (default 10s).") String timeout;
  @Option(names = "--severity", paramLabel = "LEVEL", description = "critical, warning or info (default warning).") String severity;
  @Option(names = "--confirm", paramLabel = "N", description = "Failing checks in a row before it fires.") String confirm;
  @Option(names = "--recover", paramLabel = "N", description = "Passing checks in a row before it resolves.") String recover;
  @Option(names = "--expect", paramLabel = "COND", description = "A condition (repeatable).") List<String> expect = new ArrayList<>();
  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable).") Map<String, String> labels = new LinkedHashMap<>();
  @Option(names = "--record", paramLabel = "TYPE", description = "dns: A, AAAA, CNAME, MX, TXT or NS.") String record;
  @Option(names = "--server", paramLabel = "HOST:PORT", description = "dns: the server to ask.") String server;
  @Option(names = "--send", paramLabel = "LINE", description = "tcp: a line to send first.") String send;
  @Option(names = "--no-verify", description = "tls: do not verify the chain and host name.") boolean noVerify;
  @Spec CommandSpec spec;

  /** Exactly one thing to check. */
  static final class Target {
    @Option(names = "--url", paramLabel = "URL") String url;
    @Option(names = "--tcp", paramLabel = "HOST:PORT") String tcp;
    @Option(names = "--tls", paramLabel = "HOST:PORT") String tls;
    @Option(names = "--dns", paramLabel = "NAME") String dns;
    @Option(names = "--ping", paramLabel = "HOST") String ping;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path path = file.toAbsolutePath().normalize();
    Path dir = path.getParent();
    String name = path.getFileName().toString();
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) return refuse(err, 2, file + ": a rules file ends in .yaml or .yml");
    if (name.equals("policy.yaml") || name.equals("policy.yml")) return refuse(err, 2, file + " holds the policy, not monitors");
    if (!Files.isDirectory(dir)) return refuse(err, 1, "no folder " + dir);
    String before = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    String after;
    try {
      after = RulesFileEdit.addMonitor(before, block());
    } catch (IllegalArgumentException e) {
      return refuse(err, 1, file + ": " + e.getMessage());
    }
    List<String> added = newProblems(dir, name, after);
    if (!added.isEmpty()) {
      for (String p : added) err.println(p);
      err.println("vigil monitor add: " + file + " left as it was");
      err.flush();
      return 1;
    }
    Path temp = Files.createTempFile(dir, "." + name, ".tmp");
    try {
      Files.writeString(temp, after, StandardCharsets.UTF_8);
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    out.printf("monitor \"%s\" added to %s%n", id, file);
    out.flush();
    return 0;
  }

  /** The monitor as YAML lines, without indentation; the edit indents them like the file's other monitors. */
  List<String> block() {
    List<String> lines = new ArrayList<>();
    lines.add("- id: " + Yaml.scalar(id));
    if (target.url != null) lines.add("  url: " + Yaml.scalar(target.url));
    if (target.tcp != null) lines.add("  tcp: " + Yaml.scalar(target.tcp));
    if (target.tls != null) lines.add("  tls: " + Yaml.scalar(target.tls));
    if (target.dns != null) lines.add("  dns: " + Yaml.scalar(target.dns));
    if (target.ping != null) lines.add("  ping: " + Yaml.scalar(target.ping));
    if (record != null) lines.add("  record: " + Yaml.scalar(record));
    if (server != null) lines.add("  server: " + Yaml.scalar(server));
    if (send != null) lines.add("  send: " + Yaml.scalar(send));
    if (noVerify) lines.add("  verify: false");
    if (interval != null) lines.add("  interval: " + Yaml.scalar(interval));
    if (timeout != null) lines.add("  timeout: " + Yaml.scalar(timeout));
    if (severity != null) lines.add("  severity: " + Yaml.scalar(severity));
    if (confirm != null) lines.add("  confirm: " + confirm.strip());
    if (recover != null) lines.add("  recover: " + recover.strip());
    if (!expect.isEmpty()) {
      lines.add("  expect:");
      for (String e : expect) lines.add("    - " + Yaml.scalar(e));
    }
    if (!labels.isEmpty()) {
      lines.add("  labels:");
      labels.forEach((k, v) -> lines.add("    " + Yaml.scalar(k) + ": " + Yaml.scalar(v)));
    }
    return lines;
  }

  /**
   * The problems the folder would have with the file changed that it does not have now, named as in the real
   * folder: the folder is read twice, once as it is and once with the new file in a copy.
   */
  private static List<String> newProblems(Path dir, String name, String after) throws IOException {
    Set<String> now = RulesLoader.load(dir, System.getenv()).problems().stream()
        .map(RuleProblem::format).collect(Collectors.toSet());
    Path copy = Files.createTempDirectory("vigil-monitor-add");
    try {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String n = f.getFileName().toString();
          if ((n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals(name)) Files.copy(f, copy.resolve(n));
        }
      }
      Files.writeString(copy.resolve(name), after, StandardCharsets.UTF_8);
      List<String> added = new ArrayList<>();
      for (RuleProblem p : RulesLoader.load(copy, System.getenv()).problems()) {
        String shown = new RuleProblem(dir.resolve(copy.relativize(p.file())), p.line(), p.column(), p.message()).format();
        if (!now.contains(shown)) added.add(shown);
      }
      return added;
    } finally {
      try (Stream<Path> files = Files.list(copy)) {
        for (Path f : files.toList()) Files.deleteIfExists(f);
      }
      Files.deleteIfExists(copy);
    }
  }

  private static int refuse(PrintWriter err, int code, String why) {
    err.println("vigil monitor add: " + why);
    err.flush();
    return code;
  }
}
