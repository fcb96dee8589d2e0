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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The "Add monitor" form: what the user typed, "Test" (one check now, as {@code vigil check} does it) and "Add"
 * (written to a rules file through {@link MonitorFileEdit}, as {@code vigil monitor add} does it; the running engine
 * reloads the folder). Both run on {@link Io}'s thread; each problem is listed with its field and the file's line,
 * and said again at its field ({@link #fieldProblems}) until that field is edited or the next Test or Add.
 */
public final class AddMonitorViewModel {
  /** The kinds of check, by the rules field that names their target: url, tcp, tls, dns, ping. */
  public static final List<String> KINDS =
      java.util.Arrays.stream(dev.vigil.check.Target.Kind.values()).map(dev.vigil.check.Target.Kind::field).toList();
  public static final List<String> SEVERITIES = List.of("critical", "warning", "info");
  public static final List<String> RECORDS = dev.vigil.check.Target.Dns.RECORDS;
  private static final Pattern PROBLEM = Pattern.compile("(.*):(\\d+):(\\d+): (.*)", Pattern.DOTALL);

  private final DesktopContext ctx;
  private final Io io;
  private final Runnable added;
  private final StringProperty id = new SimpleStringProperty("");
  private final StringProperty kind = new SimpleStringProperty("url");
  private final StringProperty target = new SimpleStringProperty("");
  private final StringProperty record = new SimpleStringProperty("A");
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty send = new SimpleStringProperty("");
  private final BooleanProperty verify = new SimpleBooleanProperty(true);
  private final StringProperty interval = new SimpleStringProperty("30s");
  private final StringProperty timeout = new SimpleStringProperty("");
  private final StringProperty severity = new SimpleStringProperty("warning");
  private final StringProperty confirm = new SimpleStringProperty("");
  private final StringProperty recover = new SimpleStringProperty("");
  private final StringProperty runbook = new SimpleStringProperty("");
  private final StringProperty expect = new SimpleStringProperty("");
  private final StringProperty labels = new SimpleStringProperty("");
  private final StringProperty file = new SimpleStringProperty("monitors.yaml");
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private final ObservableMap<String, String> fieldProblems = FXCollections.observableHashMap();

  /** @param added called on the FX thread after a monitor was written (the board refreshes) */
  public AddMonitorViewModel(DesktopContext ctx, Io io, Runnable added) {
    this.ctx = ctx;
    this.io = io;
    this.added = added;
    clearsWhenEdited("id", id);
    clearsWhenEdited("target", target, kind);
    clearsWhenEdited("record", record, kind);
    clearsWhenEdited("server", server, kind);
    clearsWhenEdited("send", send, kind);
    clearsWhenEdited("verify", verify, kind);
    clearsWhenEdited("interval", interval);
    clearsWhenEdited("timeout", timeout);
    clearsWhenEdited("severity", severity);
    clearsWhenEdited("confirm", confirm);
    clearsWhenEdited("recover", recover);
    clearsWhenEdited("runbook", runbook);
    clearsWhenEdited("expect", expect, kind);
    clearsWhenEdited("labels", labels);
    clearsWhenEdited("file", file);
  }

  public StringProperty id() { return id; }
  /** One of {@link #KINDS}: the YAML key the target is written under. */
  public StringProperty kind() { return kind; }
  public StringProperty target() { return target; }
  /** dns: one of {@link #RECORDS}. */
  public StringProperty record() { return record; }
  /** dns: the server to ask, host:port; empty for the system's resolvers. */
  public StringProperty server() { return server; }
  /** tcp: a line to send first; empty to send nothing. */
  public StringProperty send() { return send; }
  /** tls: verify the chain and host name (on unless turned off, then written as {@code verify: false}). */
  public BooleanProperty verify() { return verify; }
  public StringProperty interval() { return interval; }
  /** Empty for the rules' default (10s). */
  public StringProperty timeout() { return timeout; }
  public StringProperty severity() { return severity; }
  /** Failing checks in a row before it fires; empty for the default (2). */
  public StringProperty confirm() { return confirm; }
  /** Passing checks in a row before it resolves; empty for the default (2). */
  public StringProperty recover() { return recover; }
  public StringProperty runbook() { return runbook; }
  /** Conditions, one a line, as in a rules file's {@code expect:} list. */
  public StringProperty expect() { return expect; }
  /** {@code key=value} pairs separated by commas: {@code team=payments, tier=1}. */
  public StringProperty labels() { return labels; }
  /** A rules file in the rules folder, by name. */
  public StringProperty file() { return file; }
  /** One sentence: what happened last, or why not. */
  public StringProperty status() { return status; }
  public BooleanProperty busy() { return busy; }
  /** Each condition with the value seen ("pass  status (200) == 200"), or each problem with its field and line. */
  public ObservableList<String> lines() { return lines; }
  /** The problems of the last Test or Add by field (see {@link ProblemAtField#FIELDS}), said for that field. */
  public ObservableMap<String, String> fieldProblems() { return fieldProblems; }

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

  private void clearsWhenEdited(String field, ObservableValue<?>... inputs) {
    for (ObservableValue<?> in : inputs) in.addListener((o, was, now) -> fieldProblems.remove(field));
  }

  private void start(String what) {
    lines.clear();
    status.set(what);
    busy.set(true);
  }

  private void refused(MonitorFileEdit.Outcome o, Request r, String not, String fix) {
    status.set(not + (o.text() == null ? o.problems().get(0) : fix));
    if (o.text() == null) {
      fieldProblems.put("file", o.problems().get(0));
      return;
    }
    List<String> text = List.of(o.text().split("\r?\n", -1));
    for (String p : o.problems()) {
      Matcher m = PROBLEM.matcher(p);
      if (!m.matches()) {
        lines.add(p);
        continue;
      }
      int line = Integer.parseInt(m.group(2));
      String name = Path.of(m.group(1)).getFileName().toString();
      String field = name.equals(r.name) ? ProblemAtField.field(text, line) : null;
      lines.add((field == null ? "" : field + ": ") + m.group(4) + " (" + name + " line " + line + ")");
      if (field != null) fieldProblems.merge(field, ProblemAtField.message(m.group(4)), (a, b) -> a + "\n" + b);
    }
  }

  /** What the form says, as the monitor's YAML lines; null (with the reasons shown at their fields) when it cannot be. */
  private Request request() {
    lines.clear();
    fieldProblems.clear();
    MonitorDraft d = new MonitorDraft(id.get(), kind.get(), target.get(), record.get(), server.get(), send.get(), verify.get(),
        interval.get(), timeout.get(), severity.get(), confirm.get(), recover.get(), runbook.get(), expect.get(), labels.get(),
        file.get());
    Map<String, String> missing = d.missing();
    if (!missing.isEmpty()) {
      fieldProblems.putAll(missing);
      var first = missing.entrySet().iterator().next();
      status.set("Not yet: " + first.getKey() + ": " + first.getValue());
      return null;
    }
    String name = file.get().strip();
    return new Request(id.get().strip(), ctx.rulesFolder().resolve(name), name, d.block());
  }

  private record Request(String id, Path path, String name, List<String> block) {}

  private record Result(MonitorFileEdit.Outcome outcome, Verdict verdict, String error) {}
}
