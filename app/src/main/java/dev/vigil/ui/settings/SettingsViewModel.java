package dev.vigil.ui.settings;

import dev.vigil.config.RuleProblem;
import dev.vigil.policy.Policy;
import dev.vigil.rules.RulesLoader;
import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Time zone, overnight window and quiet hours from policy.yaml, plus the sound test and autostart. policy.yaml is
 * read by the rules loader, as {@code validate}, {@code run} and the hot reload read it; before saving, the file is
 * read again, changed, and the result checked by the same loader: a change it would refuse is not written.
 */
public final class SettingsViewModel {

  private final DesktopContext ctx;
  private final Io io;
  private final StringProperty timezone = new SimpleStringProperty("");
  private final StringProperty overnight = new SimpleStringProperty("22:00-08:00");
  private final StringProperty quietHours = new SimpleStringProperty("");
  private final BooleanProperty autostart = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  /** The fields as loaded: save writes only what the person changed, so a weekly block stays as written. */
  private Map<String, String> loaded = Map.of();

  public SettingsViewModel(DesktopContext ctx, Io io) {
    this.ctx = ctx;
    this.io = io;
  }

  public StringProperty timezone() { return timezone; }
  public StringProperty overnight() { return overnight; }
  /** Empty for none, else "HH:MM-HH:MM". */
  public StringProperty quietHours() { return quietHours; }
  public BooleanProperty autostart() { return autostart; }
  public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

  public Path policyFile() {
    return ctx.rulesFolder().resolve("policy.yaml");
  }

  public String rulesFolder() {
    return ctx.rulesFolder().toAbsolutePath().toString();
  }

  /** Reads policy.yaml and the autostart setting in the background. */
  public void load() {
    Path file = policyFile();
    io.load(() -> new Loaded(read(file, Files.exists(file) ? Files.readString(file) : ""), ctx.autostart()), l -> {
      Policy p = l.policy().policy();
      timezone.set(p.zone().getId());
      overnight.set(p.overnight().text());
      quietHours.set(p.quietHours().isEmpty() ? "" : p.quietHours().text());
      autostart.set(l.autostart());
      loaded = fields();
      message.set(l.policy().problems().isEmpty() ? "" : notSaved("policy.yaml has problems", l.policy().problems()));
    });
  }

  private record Loaded(RulesLoader.PolicyResult policy, boolean autostart) {}

  private static RulesLoader.PolicyResult read(Path file, String content) {
    return RulesLoader.readPolicy(file, content, System.getenv());
  }

  /** Reads policy.yaml again, sets the fields the person changed, and writes it only when the loader accepts the result. */
  public void save() {
    Map<String, String> values = new LinkedHashMap<>();
    fields().forEach((key, value) -> {
      if (!value.equals(loaded.get(key))) values.put(key, value.isEmpty() ? null : value);
    });
    Path file = policyFile();
    boolean on = autostart.get();
    io.load(() -> {
      String before = Files.exists(file) ? Files.readString(file) : "";
      String after = PolicyFile.write(before, values);
      List<RuleProblem> problems = read(file, after).problems();
      if (!problems.isEmpty()) return notSaved("Not saved", problems);
      Files.createDirectories(file.getParent());
      Files.writeString(file, after);
      ctx.setAutostart(on);
      return "Saved to " + file.getFileName();
    }, message::set);
  }

  /** {@code Not saved: policy.yaml:2:12: policy: field "overnight": ... (and 1 more problem)}. */
  private static String notSaved(String what, List<RuleProblem> problems) {
    RuleProblem first = problems.get(0);
    String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? ")" : "s)");
    return what + ": " + first.file().getFileName() + ":" + first.line() + ":" + first.column() + ": " + first.message() + more;
  }

  private Map<String, String> fields() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("timezone", timezone.get().trim());
    all.put("overnight", overnight.get().trim());
    all.put("quiet", quietHours.get().trim());
    return all;
  }

  public void testSound() {
    io.run(ctx::testSound, () -> message.set("Played the alarm sound"));
  }
}
