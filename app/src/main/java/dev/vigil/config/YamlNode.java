package dev.vigil.config;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written: a map (keys keep their own places), a list, or a scalar. */
public final class YamlNode {
  public final Location where;
  public final JsonToken token;
  public final String text;
  public final List<YamlNode> items = new ArrayList<>();
  public final Map<String, YamlNode> fields = new LinkedHashMap<>();
  public final Map<String, Location> keys = new LinkedHashMap<>();

  public YamlNode(Location where, JsonToken token, String text) {
    this.where = where;
    this.token = token;
    this.text = text;
  }

  public boolean isMap() {
    return token == JsonToken.START_OBJECT;
  }

  public boolean isList() {
    return token == JsonToken.START_ARRAY;
  }

  public boolean isScalar() {
    return !isMap() && !isList();
  }

  public boolean isNull() {
    return token == JsonToken.VALUE_NULL;
  }

  /** What kind of value this is, for messages: "a map", "a list" or the quoted text. */
  public String describe() {
    if (isMap()) return "a map";
    if (isList()) return "a list";
    return isNull() ? "nothing" : "\"" + text + "\"";
  }
}
