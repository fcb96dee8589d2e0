package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code storm: {count: 5, within: 2m}}: that many alerts so close together are one storm. */
final class StormSection implements PolicySection {
  @Override
  public List<String> keys() {
    return List.of("storm");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    Fields f = file.section("storm", Set.of("count", "within"));
    if (f == null) return policy;
    Policy.Storm d = policy.storm();
    int count = f.integer("count", d.count(), 2, 100_000);
    Duration within = f.duration("within", d.within(), Duration.ofMillis(1));
    return policy.withStorm(new Policy.Storm(count, within));
  }
}
