package dev.vigil.cli;

import dev.vigil.rules.MonitorFileEdit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
  @Option(names = "--runbook", paramLabel = "URL", description = "What to do when it fires (an http or https URL).") String runbook;
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
    MonitorFileEdit.Outcome done = MonitorFileEdit.add(file, id, block(), System.getenv());
    if (done.usage()) return refuse(err, 2, done.problems().get(0));
    if (done.text() == null) return refuse(err, 1, done.problems().get(0));
    if (!done.ok()) {
      for (String p : done.problems()) err.println(p);
      err.println("vigil monitor add: " + file + " left as it was");
      err.flush();
      return 1;
    }
    out.printf("monitor \"%s\" added to %s%n", id, file);
    out.flush();
    return 0;
  }

  /** The monitor as YAML lines, without indentation; the edit indents them like the file's other monitors. */
  List<String> block() {
    Map<String, String> fields = new LinkedHashMap<>();
    if (target.url != null) fields.put("url", target.url);
    if (target.tcp != null) fields.put("tcp", target.tcp);
    if (target.tls != null) fields.put("tls", target.tls);
    if (target.dns != null) fields.put("dns", target.dns);
    if (target.ping != null) fields.put("ping", target.ping);
    if (record != null) fields.put("record", record);
    if (server != null) fields.put("server", server);
    if (send != null) fields.put("send", send);
    if (noVerify) fields.put("verify", "false");
    if (interval != null) fields.put("interval", interval);
    if (timeout != null) fields.put("timeout", timeout);
    if (severity != null) fields.put("severity", severity);
    if (confirm != null) fields.put("confirm", confirm);
    if (recover != null) fields.put("recover", recover);
    if (runbook != null) fields.put("runbook", runbook);
    return MonitorFileEdit.block(id, fields, expect, labels);
  }

  private static int refuse(PrintWriter err, int code, String why) {
    err.println("vigil monitor add: " + why);
    err.flush();
    return code;
  }
}
