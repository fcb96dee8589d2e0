package dev.vigil.ui.settings;

import dev.vigil.ui.DesktopContext;
import dev.vigil.ui.Io;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Time zone, overnight window and quiet hours from policy.yaml, plus the sound test and autostart. */
public final class SettingsViewModel {
  static final Pattern WINDOW = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d");

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
    io.load(() -> new Loaded(Files.exists(file) ? PolicyFile.read(Files.readString(file)) : Map.of(), ctx.autostart()), l -> {
      timezone.set(l.values().getOrDefault("timezone", ctx.zone().getId()));
      overnight.set(l.values().getOrDefault("overnight", "22:00-08:00"));
      quietHours.set(l.values().getOrDefault("quiet", ""));
      autostart.set(l.autostart());
      loaded = fields();
    });
  }

  private record Loaded(Map<String, String> values, boolean autostart) {}

  /** Checks the fields and writes them to policy.yaml, keeping its comments. */
  public void save() {
    String problem = problem();
    if (problem != null) {
      message.set(problem);
      return;
    }
    Map<String, String> values = new HashMap<>();
    fields().forEach((key, value) -> {
      if (!value.equals(loaded.get(key))) values.put(key, value.isEmpty() ? null : value);
    });
    Path file = policyFile();
    boolean on = autostart.get();
    io.run(() -> {
      String before = Files.exists(file) ? Files.readString(file) : "";
      Files.createDirectories(file.getParent());
      Files.writeString(file, PolicyFile.write(before, values));
      ctx.setAutostart(on);
    }, () -> message.set("Saved to " + file.getFileName()));
  }

  private Map<String, String> fields() {
    return Map.of("timezone", timezone.get().trim(), "overnight", overnight.get().trim(), "quiet", quietHours.get().trim());
  }

  /** The first thing wrong with the fields, in words, or null. */
  String problem() {
    try {
      ZoneId.of(timezone.get().trim());
    } catch (DateTimeException e) {
      return "Time zone \"" + timezone.get() + "\" is not known; use a name like Europe/Berlin";
    }
    if (!WINDOW.matcher(overnight.get().trim()).matches()) {
      return "Overnight must look like 22:00-08:00";
    }
    if (!quietHours.get().isBlank() && !WINDOW.matcher(quietHours.get().trim()).matches()) {
      return "Quiet hours must look like 23:00-07:00, or be empty";
    }
    return null;
  }

  public void testSound() {
    io.run(ctx::testSound, () -> message.set("Played the alarm sound"));
  }
}
