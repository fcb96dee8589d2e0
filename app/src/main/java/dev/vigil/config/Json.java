package dev.vigil.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** The one JSON mapper: the API, its client, the store's JSON columns, channels, sources and the command line. Never reconfigured. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  /** Indented, for people and scripts reading {@code --json}. */
  public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private Json() {}
}
