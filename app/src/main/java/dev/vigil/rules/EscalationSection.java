package dev.vigil.rules;

import dev.vigil.config.Durations;
import dev.vigil.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code escalation: {escalateAfter: 5m, contactAfter: 15m, rewakeAfter: 30m, rampUp: 2m}}: the wake ladder's timing. */
final class EscalationSection implements PolicySection {
  private static final Duration AT_LEAST = Duration.ofMillis(1);

  @Override
  public List<String> keys() {
    return List.of("escalation");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    Fields f = file.section("escalation", Set.of("escalateAfter", "contactAfter", "rewakeAfter", "rampUp"));
    if (f == null) return policy;
    Policy.Escalation d = policy.escalation();
    Duration escalate = f.duration("escalateAfter", d.escalateAfter(), AT_LEAST);
    Duration contact = f.duration("contactAfter", d.contactAfter(), AT_LEAST);
    Duration rewake = f.duration("rewakeAfter", d.rewakeAfter(), AT_LEAST);
    Duration ramp = f.duration("rampUp", d.rampUp(), AT_LEAST);
    if (contact.compareTo(escalate) < 0) {
      f.problem("contactAfter", Durations.format(contact) + " comes before escalation.escalateAfter (" + Durations.format(escalate) + ")");
      return policy;
    }
    return policy.withEscalation(new Policy.Escalation(escalate, contact, rewake, ramp));
  }
}
