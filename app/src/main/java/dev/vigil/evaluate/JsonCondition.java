package dev.vigil.evaluate;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.vigil.check.FailureClass;
import dev.vigil.check.Observation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code json $.status == "UP"}, {@code json $.queue.depth < 1000}, {@code json $.ready exists}. A path that
 * selects several values compares its only value when there is exactly one.
 */
final class JsonCondition extends WrittenCondition {
  private static final Configuration JSON =
      Configuration.builder().jsonProvider(new JacksonJsonProvider()).mappingProvider(new JacksonMappingProvider()).build();

  private final JsonPath path;
  private final Comparison op;
  private final Object expected;

  /**
   * @param op null for {@code exists}
   * @param expected a String, BigDecimal, Boolean or null
   */
  JsonCondition(String text, Shown shown, JsonPath path, Comparison op, Object expected) {
    super(text, shown, FailureClass.BODY, true);
    this.path = path;
    this.op = op;
    this.expected = expected;
  }

  @Override
  public ConditionResult evaluate(Observation o) {
    if (o.body() == null) return shown.result(this, false, "no body");
    Object document;
    try {
      document = JSON.jsonProvider().parse(o.body());
    } catch (RuntimeException e) {
      return shown.result(this, false, o.bodyTruncated() ? "invalid JSON, body truncated" : "invalid JSON");
    }
    Object value;
    try {
      value = path.read(document, JSON);
    } catch (PathNotFoundException e) {
      return shown.result(this, false, "missing");
    }
    if (!path.isDefinite() && value instanceof List<?> list) {
      if (list.isEmpty()) return shown.result(this, false, "missing");
      if (list.size() == 1) value = list.get(0);
    }
    String seen = Shown.json(value);
    if (op == null) return shown.result(this, true, seen);
    return shown.result(this, compare(value), seen);
  }

  private boolean compare(Object value) {
    if (expected instanceof BigDecimal number) {
      if (!(value instanceof Number)) return op == Comparison.NE;
      return op.holds(Integer.signum(new BigDecimal(value.toString()).compareTo(number)));
    }
    boolean equal = Objects.equals(value, expected);
    return op == Comparison.EQ ? equal : !equal;
  }
}
