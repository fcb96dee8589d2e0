package dev.vigil.rules;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written: a map (keys keep their own places), a list, or a scalar. */
final class YamlNode {
  final Location where;
  final JsonToken token;
  final String text;
  final List<YamlNode> items = new ArrayList<>();
  final Map<String, YamlNode> fields = new LinkedHashMap<>();
  final Map<String, Location> keys = new LinkedHashMap<>();

  YamlNode(Location where, JsonToken token, String text) {
    this.where = where;
    this.token = token;
    this.text = text;
  }

  boolean isMap() {
    return token == JsonToken.START_OBJECT;
  }

  boolean isList() {
    return token == JsonToken.START_ARRAY;
  }

  boolean isScalar() {
    return !isMap() && !isList();
  }

  boolean isNull() {
    return token == JsonToken.VALUE_NULL;
  }

  /** What kind of value this is, for messages: "a map", "a list" or the quoted text. */
  String describe() {
    if (isMap()) return "a map";
    if (isList()) return "a list";
    return isNull() ? "nothing" : "\"" + text + "\"";
  }

  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (isMap()) {
      ObjectNode o = f.objectNode();
      fields.forEach((k, v) -> o.set(k, v.toJson()));
      return o;
    }
    if (isList()) {
      ArrayNode a = f.arrayNode();
      items.forEach(i -> a.add(i.toJson()));
      return a;
    }
    try {
      switch (token) {
        case VALUE_NULL: return f.nullNode();
        case VALUE_TRUE: return f.booleanNode(true);
        case VALUE_FALSE: return f.booleanNode(false);
        case VALUE_NUMBER_INT: return f.numberNode(new java.math.BigInteger(text.replace("_", "")));
        case VALUE_NUMBER_FLOAT: return f.numberNode(new java.math.BigDecimal(text.replace("_", "")));
        default: return f.textNode(text);
      }
    } catch (NumberFormatException e) {
      return f.textNode(text); // YAML 1.1 forms such as 0x1F or 1_000.5e3 stay as written
    }
  }
}
