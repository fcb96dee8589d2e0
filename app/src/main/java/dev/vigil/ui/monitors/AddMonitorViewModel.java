package dev.vigil.ui.monitors;

import dev.vigil.engine.CheckOnce;
import dev.vigil.evaluate.ConditionResult;
import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.MonitorFileEdit;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Add monitor" form: what the user typed, "Test" (one check now, as {@code vigil check} does it) and "Add"
 * (written to a rules file through {@link MonitorFileEdit}, as {@code vigil monitor add} does it; the running engine
 * reloads the folder). Both run on {@link Io}'s thread; problems are shown naming the field and the file's line.
 */
public final class AddMonitorViewModel {
  public static final List<String> KINDS = List.of("url", "tcp", "tls", "dns", "ping");
  public static final List<String> SEVERITIES = List.of("critical", "warning", "info");
  private static final Pattern PROBLEM = Pattern.compile("(.*):(\\d+):(\\d+): (.*)", Pattern.DOTALL);

  private final DesktopContext ctx;
  private final Io io;
  private final Runnable added;
  private final StringProperty id = new SimpleStringProperty("");
  private final StringProperty kind = new SimpleStringProperty("url");
  private final StringProperty target = new SimpleStringProperty("");
  private final StringProperty interval = new SimpleStringProperty("30s");
  private final StringProperty severity = new SimpleStringProperty("warning");
  private final StringProperty expect = new SimpleStringProperty("");
  private final StringProperty file = new SimpleStringProperty("monitors.yaml");
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final ObservableList<String> lines = FXCollections.observableArrayList();

  /** @param added called on the FX thread after a monitor was written (the board refreshes) */
  public AddMonitorViewModel(DesktopContext ctx, Io io, Runnable added) {
    this.ctx = ctx;
    this.io = io;
    this.added = added;
  }

  public StringProperty id() { return id; }
  public StringProperty kind() { return kind; }
  public StringProperty target() { return target; }
  public StringProperty interval() { return interval; }
  public StringProperty severity() { return severity; }
  /** Conditions, one a line, as in a rules file's {@code expect:} list. */
  public StringProperty expect() { return expect; }
  /** A rules file in the rules folder, by name. */
  public StringProperty file() { return file; }
  /** One sentence: what happened last, or why not. */
  public StringProperty status() { return status; }
  public BooleanProperty busy() { return busy; }
  /** Each condition with the value seen ("pass  status (200) == 200"), or each problem with its field and line. */
  public ObservableList<String> lines() { return lines; }

  /** Checks the monitor once now, without writing anything. */
  public void test() {
    Request r = request();
    if (r == null) return;
    start("Testing " + target.get().strip() + "…");
    io.load(() -> {
      try {
        MonitorFileEdit.Outcome o = MonitorFileEdit.check(r.path, r.id, r.block, System.getenv());
        if (!o.ok()) return new Result(o, null, null);
        if (o.monitor() == null) return new Result(o, null, "the rules reader did not read a monitor \"" + r.id + "\"");
        Optional<String> cannot = CheckOnce.unavailable(o.monitor().target());
        return cannot.isPresent() ? new Result(o, null, cannot.get()) : new Result(o, CheckOnce.run(o.monitor(), ctx.clock()), null);
      } catch (IOException | UncheckedIOException e) {
        return new Result(null, null, r.name + ": " + e.getMessage());
      }
    }, result -> {
      busy.set(false);
      if (result.error != null) {
        status.set("Not tested: " + result.error);
        return;
      }
      if (!result.outcome.ok()) {
        refused(result.outcome, r, "Not tested: ", "fix the fields below");
        return;
      }
      Verdict v = result.verdict;
      String took = v.observation().latency().toMillis() + " ms";
      status.set(v.passed() ? "Passes: ok in " + took : "Fails: " + v.summary() + " (after " + took + ")");
      for (ConditionResult c : v.results()) lines.add((c.passed() ? "pass  " : "FAIL  ") + c.shown());
    });
  }

  /** Writes the monitor into the rules file, when the folder would have no new problem with it. */
  public void add() {
    Request r = request();
    if (r == null) return;
    start("Adding " + r.id + "…");
    io.load(() -> {
      try {
        return new Result(MonitorFileEdit.add(r.path, r.id, r.block, System.getenv()), null, null);
      } catch (IOException | UncheckedIOException e) {
        return new Result(null, null, "could not write " + r.name + ": " + e.getMessage());
      }
    }, result -> {
      busy.set(false);
      if (result.error != null) {
        status.set("Not added: " + result.error);
        return;
      }
      MonitorFileEdit.Outcome o = result.outcome;
      if (!o.ok()) {
        refused(o, r, "Not added: ", "fix the fields below; " + r.name + " is left as it was");
        return;
      }
      status.set("Added \"" + r.id + "\" to " + r.name + "; Vigil reloads the rules and starts watching it.");
      added.run();
    });
  }

  private void start(String what) {
    lines.clear();
    status.set(what);
    busy.set(true);
  }

  private void refused(MonitorFileEdit.Outcome o, Request r, String not, String fix) {
    status.set(not + (o.text() == null ? o.problems().get(0) : fix));
    if (o.text() == null) return;
    String[] text = o.text().split("\r?\n", -1);
    for (String p : o.problems()) {
      Matcher m = PROBLEM.matcher(p);
      if (!m.matches()) {
        lines.add(p);
        continue;
      }
      int line = Integer.parseInt(m.group(2));
      String field = Path.of(m.group(1)).getFileName().toString().equals(r.name) && line <= text.length ? field(text[line - 1]) : null;
      lines.add((field == null ? "" : field + ": ") + m.group(4) + " (" + Path.of(m.group(1)).getFileName() + " line " + line + ")");
    }
  }

  /** The form's field a line of YAML came from: the key before its colon, or "expect" for a list item. */
  static String field(String yamlLine) {
    String l = yamlLine.strip();
    if (l.startsWith("- id:")) return "id";
    if (l.startsWith("- ")) return "expect";
    int colon = l.indexOf(':');
    if (colon <= 0) return null;
    String key = l.substring(0, colon);
    return key.equals("url") || key.equals("tcp") || key.equals("tls") || key.equals("dns") || key.equals("ping") ? "target" : key;
  }

  /** What the form says, as the monitor's YAML lines; null (with the reason shown) when a field is missing. */
  private Request request() {
    lines.clear();
    String name = file.get().strip();
    String monitorId = id.get().strip();
    String where = target.get().strip();
    if (monitorId.isEmpty()) return missing("id: give the monitor an id");
    if (where.isEmpty()) return missing("target: say what to check (" + example(kind.get()) + ")");
    if (name.isEmpty() || name.contains("/") || name.contains("\\")) return missing("file: a file name in the rules folder, e.g. monitors.yaml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(kind.get(), where);
    if (!interval.get().isBlank()) fields.put("interval", interval.get().strip());
    if (!severity.get().isBlank()) fields.put("severity", severity.get().strip());
    List<String> conditions = new ArrayList<>();
    for (String c : expect.get().split("\r?\n")) if (!c.isBlank()) conditions.add(c.strip());
    return new Request(monitorId, ctx.rulesFolder().resolve(name), name, MonitorFileEdit.block(monitorId, fields, conditions, Map.of()));
  }

  private Request missing(String why) {
    status.set("Not yet: " + why);
    return null;
  }

  static String example(String kind) {
    return switch (kind) {
      case "tcp" -> "db.example:5432";
      case "tls" -> "mail.example:443";
      case "dns" -> "example.com";
      case "ping" -> "gateway.local";
      default -> "https://pay.example/health";
    };
  }

  private record Request(String id, Path path, String name, List<String> block) {}

  private record Result(MonitorFileEdit.Outcome outcome, Verdict verdict, String error) {}
}
