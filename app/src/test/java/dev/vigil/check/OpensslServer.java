package dev.vigil.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made with the openssl command (a test CA, leaves for a host, self-signed ones, with the days asked
 * for) and {@code openssl s_server} processes serving them on 127.0.0.1.
 */
final class OpensslServer implements AutoCloseable {
  private final Path openssl;
  private final Path dir;
  private final List<Process> servers = new ArrayList<>();

  OpensslServer(Path dir) throws Exception {
    this.openssl = LocalTool.require("openssl", "VIGIL_REQUIRE_OPENSSL", "apt-get install -y openssl");
    this.dir = dir;
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
        "-out", "ca.pem", "-subj", "/CN=Vigil Test CA", "-days", "30",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  }

  /** A leaf for {@code name} (its subject and DNS name) signed by the test CA, valid for {@code days}. */
  String leaf(String file, String name, int days) throws Exception {
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", file + ".key",
        "-out", file + ".csr", "-subj", "/CN=" + name + "/O=Vigil Tests");
    Files.writeString(dir.resolve(file + ".ext"), "subjectAltName=DNS:" + name + "\nbasicConstraints=CA:FALSE\n");
    run("x509", "-req", "-in", file + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        file + ".pem", "-days", String.valueOf(days), "-extfile", file + ".ext");
    return file;
  }

  /** A self-signed certificate for {@code name}. */
  String selfSigned(String file, String name, int days) throws Exception {
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", file + ".key",
        "-out", file + ".pem", "-subj", "/CN=" + name, "-days", String.valueOf(days), "-addext", "subjectAltName=DNS:" + name);
    return file;
  }

  /** Serves {@code file}.pem on 127.0.0.1; returns the port once it accepts connections. */
  int serve(String file) throws Exception {
    int port = LocalTool.freePort();
    Process p = new ProcessBuilder(openssl.toString(), "s_server", "-accept", "127.0.0.1:" + port, "-cert", file + ".pem",
        "-key", file + ".key", "-quiet", "-www")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(file + ".log").toFile())
        .start();
    servers.add(p);
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return port;
      } catch (IOException notYet) {
        if (!p.isAlive()) break;
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("openssl s_server did not start: " + Files.readString(dir.resolve(file + ".log")));
  }

  /** A TLS context that trusts the test CA only. */
  SSLContext trustingTestCa() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
      store.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private void run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(openssl.toString()));
    command.addAll(List.of(args));
    LocalTool.run(dir, command);
  }

  @Override
  public void close() {
    for (Process p : servers) p.destroyForcibly();
  }
}
