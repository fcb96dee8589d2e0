package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.util.List;

/** {@code rcode == NOERROR}, {@code rcode != SERVFAIL}: the DNS server's response code. */
final class RcodeCondition extends WrittenCondition {
  static final List<String> CODES = List.of("NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
      "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE");

  private final boolean equal;
  private final String code;

  RcodeCondition(String text, Shown shown, boolean equal, String code) {
    super(text, shown, FailureClass.DNS, false);
    this.equal = equal;
    this.code = code;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    if (o.rcode() == null) return shown.result(this, false, "no answer");
    return shown.result(this, o.rcode().equals(code) == equal, o.rcode());
  }
}
