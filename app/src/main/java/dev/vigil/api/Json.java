package dev.vigil.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the API and its client. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
