package dev.vigil.evaluate;

import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;

/** {@code cert subject contains "mail.example"}: the leaf certificate's subject, e.g. {@code CN=mail.example,O=Example}. */
final class CertSubjectCondition extends WrittenCondition {
  private final String needle;

  CertSubjectCondition(String text, Shown shown, String needle) {
    super(text, shown, FailureClass.TLS, false);
    this.needle = needle;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    if (o.certSubject() == null) return shown.result(this, false, "no TLS");
    return shown.result(this, o.certSubject().contains(needle), Shown.json(o.certSubject()));
  }
}
