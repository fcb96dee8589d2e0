package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** {@code timezone: Europe/Berlin}, or {@code system} (the default): where the person's nights are. */
final class TimezoneSection implements PolicySection {
  @Override
  public List<String> keys() {
    return List.of("timezone");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    String tz = file.text("timezone", false);
    if (tz == null || tz.equals("system")) return policy;
    try {
      return policy.withZone(ZoneId.of(tz));
    } catch (DateTimeException e) {
      file.problem("timezone", "\"" + tz + "\" is not a time zone (e.g. Europe/Berlin, or system)");
      return policy;
    }
  }
}
