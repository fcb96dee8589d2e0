package dev.vigil.source;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus Alertmanager for one test: started on 127.0.0.1 on a free port with a temporary storage
 * folder, a null receiver and clustering off; stopped after the test.
 *
 * <p>The binary is {@code -Dvigil.alertmanager=PATH}, else {@code $VIGIL_ALERTMANAGER}, else
 * {@code /usr/bin/prometheus-alertmanager} (Debian's {@code prometheus-alertmanager} package), else
 * {@code prometheus-alertmanager} or {@code alertmanager} on the PATH. Without one the test is skipped with the
 * reason, unless {@code VIGIL_REQUIRE_ALERTMANAGER=1} (CI), where it fails; a configured path that is not an
 * executable fails too.
 */
public final class AlertmanagerProcess implements BeforeEachCallback, AfterEachCallback {
  static final String MISSING = "prometheus-alertmanager not found (apt-get install -y prometheus-alertmanager,"
      + " or set VIGIL_ALERTMANAGER=/path/to/alertmanager)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private Process process;
  private Path dir;
  private int port;

  static Optional<Path> binary() {
    String configured = System.getProperty("vigil.alertmanager", System.getenv("VIGIL_ALERTMANAGER"));
    if (configured != null && !configured.isBlank()) {
      if (!Files.isExecutable(Path.of(configured))) throw new IllegalStateException("alertmanager " + configured + " is not an executable file");
      return Optional.of(Path.of(configured));
    }
    Path debian = Path.of("/usr/bin/prometheus-alertmanager");
    if (Files.isExecutable(debian)) return Optional.of(debian);
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("prometheus-alertmanager", "alertmanager")) {
      for (String folder : path.split(File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (!folder.isEmpty() && Files.isExecutable(candidate)) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Routes every alert to the null receiver: nothing is sent anywhere. */
  public static final String NULL_RECEIVER = """
      route:
        receiver: "null"
        group_wait: 1h
      receivers:
        - name: "null"
      """;

  /** Skips (or in CI fails) the current test when there is no Alertmanager binary. */
  public static Path requireBinary(String testName) {
    Optional<Path> binary = binary();
    if (binary.isEmpty()) {
      String required = System.getenv("VIGIL_REQUIRE_ALERTMANAGER");
      if ("1".equals(required) || "true".equalsIgnoreCase(required)) throw new IllegalStateException(MISSING);
      System.err.println("SKIPPED " + testName + ": " + MISSING + ": skipping the tests against a real Alertmanager");
      assumeTrue(false, MISSING);
    }
    return binary.get();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    start(context.getDisplayName(), NULL_RECEIVER);
  }

  /** Starts Alertmanager with this configuration (for tests that need their own receivers). */
  public void start(String testName, String configYaml) throws Exception {
    Path binary = requireBinary(testName);
    dir = Files.createTempDirectory("vigil-alertmanager");
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, configYaml);
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    process = new ProcessBuilder(binary.toString(),
        "--config.file=" + config,
        "--storage.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=",
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("alertmanager.log").toFile())
        .start();
    waitUntilReady();
  }

  private void waitUntilReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
      try {
        if (send("GET", "/-/ready", null).statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("alertmanager not ready after 20 s: " + Files.readString(dir.resolve("alertmanager.log")));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    stop();
  }

  /** Stops Alertmanager and deletes its folder. */
  public void stop() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      process = null;
    }
    if (dir != null) {
      dev.vigil.os.FileTree.delete(dir);
      dir = null;
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Fires an alert in Alertmanager, as Prometheus does ({@code POST /api/v2/alerts}). */
  public void fire(Map<String, String> labels, Map<String, String> annotations) throws Exception {
    post(labels, annotations, null);
  }

  /** Resolves an alert in Alertmanager: the same labels with {@code endsAt} now. */
  public void resolve(Map<String, String> labels) throws Exception {
    post(labels, Map.of(), Instant.now().minusSeconds(1));
  }

  private void post(Map<String, String> labels, Map<String, String> annotations, Instant endsAt) throws Exception {
    Map<String, Object> alert = new java.util.LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", annotations);
    if (endsAt != null) {
      alert.put("startsAt", endsAt.minusSeconds(60).toString());
      alert.put("endsAt", endsAt.toString());
    }
    HttpResponse<String> response = send("POST", "/api/v2/alerts", JSON.writeValueAsString(List.of(alert)));
    if (response.statusCode() != 200) throw new IllegalStateException("POST /api/v2/alerts: " + response.statusCode() + " " + response.body());
  }

  /** {@code GET /api/v2/silences}. */
  public JsonNode silences() throws Exception {
    return JSON.readTree(send("GET", "/api/v2/silences", null).body());
  }

  /** {@code GET /api/v2/alerts}. */
  public JsonNode alerts() throws Exception {
    return JSON.readTree(send("GET", "/api/v2/alerts", null).body());
  }

  private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5));
    if (json == null) request.method(method, HttpRequest.BodyPublishers.noBody());
    else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
