package dev.vigil.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.check.HostPort;
import dev.vigil.check.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a monitor checks (url, tcp, tls, dns), read from a rules file, and each mistake at its field. */
class TargetFieldTest {
  @TempDir Path dir;

  private RulesLoader.LoadResult load(String monitor) throws IOException {
    Files.writeString(dir.resolve("alerts.yaml"), "monitors:\n  - id: m\n" + monitor + "\n");
    return RulesLoader.load(dir, Map.of("DB_HOST", "db.example"));
  }

  @Test
  void eachKindIsReadWithItsFields() throws IOException {
    assertThat(load("    tcp: ${env:DB_HOST}:5432\n    send: PING\n    expect: [banner contains \"+PONG\"]")
        .rules().monitors().get(0).target()).isEqualTo(new Target.Tcp("db.example", 5432, "PING"));
    assertThat(load("    tls: mail.example:465\n    verify: false\n    expect: [cert expires > 14d]")
        .rules().monitors().get(0).target()).isEqualTo(new Target.Tls("mail.example", 465, false));
    assertThat(load("    dns: db.example\n    record: aaaa\n    server: 127.0.0.1:5353\n    expect: [rcode == NOERROR]")
        .rules().monitors().get(0).target())
        .isEqualTo(new Target.Dns("db.example", "AAAA", new HostPort("127.0.0.1", 5353)));
    assertThat(load("    dns: db.example\n    server: 9.9.9.9").rules().monitors().get(0).target())
        .isEqualTo(new Target.Dns("db.example", "A", new HostPort("9.9.9.9", 53)));
    assertThat(load("    tcp: '[::1]:22'").rules().monitors().get(0).expect()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                     | fields                                           | problem
      two targets                  | '    url: https://a.example\\n    tcp: a.example:1' | 'alerts.yaml:4:10: monitor "m": field "tcp": a monitor checks one thing: use "url" or "tcp", not both'
      no port                      | '    tcp: db.example'                            | 'alerts.yaml:3:10: monitor "m": field "tcp": "db.example" is not host:port with a port from 1 to 65535 (e.g. db.example:5432)'
      port out of range            | '    tls: mail.example:70000'                    | 'alerts.yaml:3:10: monitor "m": field "tls": "mail.example:70000" is not host:port with a port from 1 to 65535 (e.g. mail.example:465)'
      unknown record               | '    dns: db.example\\n    record: SRV'          | 'alerts.yaml:4:13: monitor "m": field "record": "SRV" must be A, AAAA, CNAME, MX, TXT or NS'
      bad dns name                 | '    dns: db example'                            | 'alerts.yaml:3:10: monitor "m": field "dns": "db example" is not a DNS name like db.example'
      verify on tcp                | '    tcp: db.example:5432\\n    verify: false'    | 'alerts.yaml:4:13: monitor "m": field "verify": only applies to a tls monitor, not a tcp one'
      headers on dns               | '    dns: db.example\\n    headers: {A: b}'      | 'alerts.yaml:4:14: monitor "m": field "headers": only applies to a url monitor, not a dns one'
      http condition on tcp        | '    tcp: db.example:5432\\n    expect: [status == 200]' | 'alerts.yaml:4:14: monitor "m": field "expect[0]": "status" does not apply to a tcp check (use banner or latency)'
      rcode not a code             | '    dns: db.example\\n    expect: [rcode == OK]' | 'alerts.yaml:4:23: monitor "m": field "expect[0]": "OK" is not a DNS response code (use NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED, YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH or NOTZONE)'
      """)
  void mistakesAreReportedAtTheirField(String intent, String fields, String problem) throws IOException {
    var problems = load(fields.replace("\\n", "\n")).problems().stream()
        .map(p -> dir.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
    assertThat(problems).containsExactly(problem);
  }
}
