package dev.vigil.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedDnsTest {
  @Test
  void aLookupThatHangsFailsAfterTheBudget() {
    try (BoundedDns dns = new BoundedDns(hostname -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }, Duration.ofMillis(200))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> dns.lookup("pay.example"))
          .isInstanceOf(UnknownHostException.class)
          .hasMessage("dns lookup timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aLookupThatAnswersInTimeGivesItsAddresses() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (BoundedDns dns = new BoundedDns(hostname -> List.of(loopback), Duration.ofSeconds(1))) {
      assertThat(dns.lookup("pay.example")).containsExactly(loopback);
    }
  }

  @Test
  void anUnknownHostPassesThrough() {
    try (BoundedDns dns = new BoundedDns(hostname -> {
      throw new UnknownHostException(hostname + ": Name or service not known");
    }, Duration.ofSeconds(1))) {
      assertThatThrownBy(() -> dns.lookup("pay.example")).hasMessage("pay.example: Name or service not known");
    }
  }
}
