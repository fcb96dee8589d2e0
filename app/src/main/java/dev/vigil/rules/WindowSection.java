package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.config.YamlNode;
import dev.vigil.policy.DailyWindow;
import dev.vigil.policy.OvernightWindow;
import dev.vigil.policy.Policy;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code overnight:} and {@code quiet:}: one window every night ({@code "22:00-08:00"}), none ({@code off}), or one per
 * evening it opens on: {@code {weekdays: "22:00-07:00", fri: "23:30-10:00", sat: off}}. Keys apply in the order
 * written, so a day named after {@code weekdays} or {@code weekend} overrides it; a day not named has none.
 */
final class WindowSection implements PolicySection {
  private static final Map<String, Set<DayOfWeek>> DAYS = Map.of(
      "mon", EnumSet.of(DayOfWeek.MONDAY), "tue", EnumSet.of(DayOfWeek.TUESDAY),
      "wed", EnumSet.of(DayOfWeek.WEDNESDAY), "thu", EnumSet.of(DayOfWeek.THURSDAY),
      "fri", EnumSet.of(DayOfWeek.FRIDAY), "sat", EnumSet.of(DayOfWeek.SATURDAY), "sun", EnumSet.of(DayOfWeek.SUNDAY),
      "weekdays", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
      "weekend", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  private static final String DAY_NAMES = "mon, tue, wed, thu, fri, sat, sun, weekdays, weekend";

  private final String key;
  private final boolean overnight;

  /** @param overnight true for {@code overnight} (default 22:00-08:00), false for {@code quiet} (default none) */
  WindowSection(String key, boolean overnight) {
    this.key = key;
    this.overnight = overnight;
  }

  @Override
  public List<String> keys() {
    return List.of(key);
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    if (!file.map.fields.containsKey(key)) return policy;
    Optional<OvernightWindow> w = windows(file, file.node(key));
    if (w.isEmpty()) return policy;
    return overnight ? policy.withOvernight(w.get()) : policy.withQuietHours(w.get());
  }

  private Optional<OvernightWindow> windows(Fields file, YamlNode n) {
    if (n.isNull() || isOff(n)) return Optional.of(OvernightWindow.none());
    if (n.isScalar()) {
      Optional<DailyWindow> w = DailyWindow.parse(n.text);
      if (w.isEmpty()) file.problem(key, n.describe() + " is not a window (use HH:MM-HH:MM, e.g. 22:00-08:00, or off)");
      return w.map(OvernightWindow::every);
    }
    if (n.isList()) {
      file.problem(key, "expected \"HH:MM-HH:MM\", off, or a map of weekdays (" + DAY_NAMES + "), not a list");
      return Optional.empty();
    }
    Map<DayOfWeek, DailyWindow> nights = new EnumMap<>(DayOfWeek.class);
    boolean ok = true;
    for (Map.Entry<String, YamlNode> e : n.fields.entrySet()) {
      String field = "field \"" + key + "." + e.getKey() + "\": ";
      Set<DayOfWeek> days = DAYS.get(e.getKey().toLowerCase(Locale.ROOT));
      YamlNode v = e.getValue();
      if (days == null) {
        file.problem(n.keys.get(e.getKey()), field + "not a weekday (use " + DAY_NAMES + ")");
        ok = false;
      } else if (v.isNull() || isOff(v)) {
        days.forEach(nights::remove);
      } else {
        Optional<DailyWindow> w = v.isScalar() ? DailyWindow.parse(v.text) : Optional.empty();
        if (w.isEmpty()) {
          file.problem(v.where, field + v.describe() + " is not a window (use HH:MM-HH:MM or off)");
          ok = false;
        } else {
          days.forEach(d -> nights.put(d, w.get()));
        }
      }
    }
    return ok ? Optional.of(OvernightWindow.of(nights)) : Optional.empty();
  }

  private static boolean isOff(YamlNode n) {
    return n.token == JsonToken.VALUE_FALSE
        || (n.isScalar() && Set.of("off", "none", "").contains(n.text.trim().toLowerCase(Locale.ROOT)));
  }
}
