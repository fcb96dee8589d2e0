package dev.vigil.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one check saw. A transport failure (no HTTP response, no TCP connection, no TLS handshake, no DNS answer) has {@code failure} set and {@code status == -1};
 * otherwise the conditions decide.
 *
 * @param at when the check started
 * @param failure why the exchange itself failed, or null when a response was read
 * @param failureDetail the failure in words without secrets, e.g. "connection refused", or null
 * @param status the final HTTP status after redirects, or -1 without a response
 * @param latency time from the start of the call to the end of reading what was read
 * @param headers response headers, keys case-insensitive
 * @param body the body read (up to the cap) as UTF-8, or null when no condition needed it
 * @param bodyTruncated true when the body was longer than the cap and was cut
 * @param certNotAfter when the server's leaf certificate expires, or null for plain HTTP
 * @param certSubject the leaf certificate's subject, e.g. {@code CN=mail.example}, or null without TLS
 * @param banner the first line a TCP server sent (after the line sent to it, if any), or null when not read
 * @param rcode the DNS server's response code, e.g. {@code NOERROR} or {@code NXDOMAIN}, or null without an answer
 * @param answers the DNS answers of the record type asked for, as text ({@code 10.0.0.5}, {@code 10 mail.example})
 */
public record Observation(
    Instant at,
    FailureClass failure,
    String failureDetail,
    int status,
    Duration latency,
    Map<String, List<String>> headers,
    String body,
    boolean bodyTruncated,
    Instant certNotAfter,
    String certSubject,
    String banner,
    String rcode,
    List<String> answers) {

  public Observation {
    answers = answers == null ? List.of() : List.copyOf(answers);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) h.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(h);
    latency = latency == null ? Duration.ZERO : latency;
  }

  /** What an HTTP check saw. */
  public Observation(Instant at, FailureClass failure, String failureDetail, int status, Duration latency,
      Map<String, List<String>> headers, String body, boolean bodyTruncated, Instant certNotAfter) {
    this(at, failure, failureDetail, status, latency, headers, body, bodyTruncated, certNotAfter, null, null, null, null);
  }

  public static Observation failed(Instant at, FailureClass failure, String detail, Duration latency) {
    return new Observation(at, failure, detail, -1, latency, Map.of(), null, false, null);
  }

  public boolean responded() {
    return failure == null;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
