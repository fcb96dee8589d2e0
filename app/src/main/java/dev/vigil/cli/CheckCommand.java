package dev.vigil.cli;

import dev.vigil.check.CheckRequest;
import dev.vigil.engine.CheckOnce;
import dev.vigil.check.HostPort;
import dev.vigil.check.Observation;
import dev.vigil.check.Target;
import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.ConditionResult;
import dev.vigil.evaluate.ConditionSyntaxException;
import dev.vigil.evaluate.Verdict;
import dev.vigil.config.Durations;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil check TARGET}: one check now, judged as the engine judges a monitor's check, each condition shown. */
@Command(
    name = "check",
    description = {
      "Check one target now and show how Vigil judges it. Exit 0 when it passes, 1 when not, 2 for a usage mistake.",
      "TARGET: https://host/path, tcp://host:port, tls://host:port, dns://name, ping://host."
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TARGET", description = "What to check, e.g. https://pay.example/health, tcp://db.example:5432.")
  String target;

  @Option(names = "--expect", paramLabel = "COND", description = "A condition as in a rules file's expect: list (repeatable).")
  List<String> expect = new ArrayList<>();

  @Option(names = "--timeout", paramLabel = "D", description = "Bounds the whole check (default 10s).")
  String timeout = "10s";

  @Option(names = "--record", paramLabel = "TYPE", description = "dns: A, AAAA, CNAME, MX, TXT or NS (default A).")
  String record = "A";

  @Option(names = "--server", paramLabel = "HOST:PORT", description = "dns: the server to ask (default the system's).")
  String server;

  @Option(names = "--send", paramLabel = "LINE", description = "tcp: a line to send before reading the banner.")
  String send;

  @Option(names = "--no-verify", description = "tls: read any certificate, without checking its chain or host name.")
  boolean noVerify;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Duration limit;
    Target parsed;
    List<Condition> conditions = new ArrayList<>();
    try {
      limit = Durations.parse(timeout);
      if (limit.isZero() || limit.compareTo(Duration.ofMinutes(5)) > 0) throw new IllegalArgumentException(timeout + " must be from 1ms to 5m");
      parsed = target(target);
      for (String text : expect) conditions.add(condition(text, parsed.kind()));
      if (conditions.isEmpty()) conditions.addAll(ConditionParser.defaults(parsed.kind()));
    } catch (IllegalArgumentException e) {
      err.println("vigil check: " + e.getMessage());
      err.flush();
      return 2;
    }
    Optional<String> unavailable = CheckOnce.unavailable(parsed);
    if (unavailable.isPresent()) {
      err.println("vigil check: " + unavailable.get());
      err.flush();
      return 1;
    }
    boolean readBody = conditions.stream().anyMatch(Condition::needsBody);
    Verdict verdict = CheckOnce.run(new CheckRequest("check", parsed, limit, Map.of(), readBody, CheckRequest.DEFAULT_BODY_CAP, true),
        conditions, Clock.systemDefaultZone());
    print(spec.commandLine().getOut(), parsed, verdict, conditions);
    return verdict.passed() ? 0 : 1;
  }

  static void print(PrintWriter out, Target target, Verdict verdict, List<Condition> conditions) {
    Observation o = verdict.observation();
    String took = o.latency().toMillis() + "ms";
    out.println(target.display() + ": " + (verdict.passed() ? "ok in " + took : verdict.summary() + " (after " + took + ")"));
    for (ConditionResult r : verdict.results()) out.println("  " + (r.passed() ? "pass" : "FAIL") + "  " + r.shown());
    if (verdict.results().isEmpty() && !verdict.passed()) {
      for (Condition c : conditions) out.println("  ----  " + c.text() + " (not judged: the check itself failed)");
    }
    out.flush();
  }

  private Condition condition(String text, Target.Kind kind) {
    try {
      return ConditionParser.parse(text, kind);
    } catch (ConditionSyntaxException e) {
      throw new IllegalArgumentException("--expect \"" + text + "\": " + e.getMessage() + " (at column " + (e.column() + 1) + ")");
    }
  }

  /** https://..., http://..., tcp://host:port, tls://host:port, dns://name, ping://host (the // may be left out). */
  private Target target(String text) {
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? text : text.substring(colon + 1).replaceFirst("^//", "").replaceFirst("/$", "");
    switch (scheme) {
      case "http":
      case "https":
        URI u;
        try {
          u = new URI(text);
        } catch (java.net.URISyntaxException e) {
          u = null;
        }
        if (u == null || u.getHost() == null) throw new IllegalArgumentException("\"" + text + "\" is not an http or https URL with a host");
        return new Target.Http(text);
      case "tcp":
        return new Target.Tcp(hostPort(text, rest).host(), hostPort(text, rest).port(), send);
      case "tls":
        return new Target.Tls(hostPort(text, rest).host(), hostPort(text, rest).port(), !noVerify);
      case "dns": {
        String type = record.toUpperCase(Locale.ROOT);
        if (!Target.Dns.RECORDS.contains(type)) {
          throw new IllegalArgumentException("--record: \"" + record + "\" must be A, AAAA, CNAME, MX, TXT or NS");
        }
        HostPort at = null;
        if (server != null) {
          at = HostPort.parse(server.contains(":") ? server : server + ":53")
              .orElseThrow(() -> new IllegalArgumentException("--server: \"" + server + "\" is not host:port"));
        }
        if (!rest.matches("[A-Za-z0-9_*][A-Za-z0-9_.-]*")) throw new IllegalArgumentException("\"" + rest + "\" is not a DNS name");
        return new Target.Dns(rest, type, at);
      }
      case "ping":
        if (!rest.matches("[A-Za-z0-9_][A-Za-z0-9_.:-]*")) throw new IllegalArgumentException("\"" + rest + "\" is not a host");
        return new Target.Ping(rest);
      default:
        throw new IllegalArgumentException("\"" + text + "\" is not a target (use https://host/path, tcp://host:port,"
            + " tls://host:port, dns://name or ping://host)");
    }
  }

  private static HostPort hostPort(String text, String rest) {
    return HostPort.parse(rest).orElseThrow(() ->
        new IllegalArgumentException("\"" + text + "\": \"" + rest + "\" is not host:port with a port from 1 to 65535"));
  }
}
