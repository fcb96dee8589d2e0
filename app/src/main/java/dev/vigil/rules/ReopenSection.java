package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.time.Duration;
import java.util.List;

/** {@code reopenWithin: 30m}: a monitor firing again this soon after its alert resolved reopens it; {@code off} never. */
final class ReopenSection implements PolicySection {
  @Override
  public List<String> keys() {
    return List.of("reopenWithin");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    if (!file.has("reopenWithin")) return policy;
    if ("off".equals(file.text("reopenWithin", false))) return policy.withReopenWithin(Duration.ZERO);
    return policy.withReopenWithin(file.duration("reopenWithin", Policy.DEFAULT_REOPEN_WITHIN, Duration.ofSeconds(1)));
  }
}
