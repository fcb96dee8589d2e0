package dev.vigil.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@code dns: name} with {@code record:} and optional {@code server:}: one query with dnsjava, asynchronously. An
 * answer with an error code (NXDOMAIN, SERVFAIL, ...) or without a record of the type asked for is a failure in
 * words ("NXDOMAIN for db.example") that still carries the code and the answers, so conditions on {@code rcode}
 * can judge it instead.
 */
final class DnsChecker implements Checker {
  private final Clock clock;
  private final Map<HostPort, Resolver> resolvers = new ConcurrentHashMap<>();
  private final Executor setup;
  private final ScheduledThreadPoolExecutor deadlines =
      new ScheduledThreadPoolExecutor(1, Threads.daemon("vigil-dns-deadline"));
  private volatile Resolver system;

  DnsChecker(Clock clock) {
    this.clock = clock;
    this.setup = java.util.concurrent.Executors.newCachedThreadPool(Threads.daemon("vigil-dns-query"));
    deadlines.setRemoveOnCancelPolicy(true);
  }

  @Override
  public CompletableFuture<Observation> check(CheckRequest request) {
    Target.Dns dns = (Target.Dns) request.target();
    Instant at = clock.instant();
    long start = System.nanoTime();
    CompletableFuture<Observation> result = new CompletableFuture<>();
    String from = dns.server() == null ? "the system's resolvers" : dns.server().toString();
    ScheduledFuture<?> deadline = deadlines.schedule(
        () -> result.complete(failed(at, start, "no answer from " + from + " within " + Failure.format(request.timeout()))),
        request.timeout().plus(HttpChecker.GRACE).toNanos(), TimeUnit.NANOSECONDS);
    result.whenComplete((o, e) -> deadline.cancel(false));
    Message query;
    int type = Type.value(dns.record());
    try {
      query = Message.newQuery(Record.newRecord(Name.fromString(dns.name(), Name.root), type, DClass.IN));
    } catch (TextParseException | IllegalArgumentException e) {
      result.complete(failed(at, start, "\"" + dns.name() + "\" is not a DNS name"));
      return result;
    }
    CompletableFuture.supplyAsync(() -> resolver(dns.server(), request.timeout()), setup)
        .thenCompose(resolver -> resolver.sendAsync(query, setup))
        .whenComplete((answer, error) -> result.complete(error != null
            ? failed(at, start, why(error, from, request.timeout()))
            : observed(at, start, dns, type, answer)));
    return result;
  }

  private Resolver resolver(HostPort server, Duration timeout) {
    Resolver r;
    if (server == null) {
      r = system;
      if (r == null) system = r = new ExtendedResolver();
    } else {
      r = resolvers.computeIfAbsent(server, s -> new SimpleResolver(new InetSocketAddress(s.host(), s.port())));
    }
    // One query per check: a resolver's timeout is set before each, and checks of one server share a timeout.
    r.setTimeout(timeout);
    return r;
  }

  private static Observation observed(Instant at, long start, Target.Dns dns, int type, Message answer) {
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    String rcode = Rcode.string(answer.getRcode());
    List<String> answers = new ArrayList<>();
    for (Record r : answer.getSection(Section.ANSWER)) {
      if (r.getType() == type) answers.add(text(r));
    }
    String name = withoutDot(dns.name());
    FailureClass failure = null;
    String detail = null;
    if (answer.getRcode() != Rcode.NOERROR) {
      failure = FailureClass.DNS;
      detail = rcode + " for " + name;
    } else if (answers.isEmpty()) {
      failure = FailureClass.DNS;
      detail = "no " + dns.record() + " record for " + name;
    }
    return new Observation(at, failure, detail, -1, latency, Map.of(), null, false, null, null, null, rcode, answers);
  }

  /** An answer as people write it: 10.0.0.5, 2001:db8::1, mail.example (no final dot), 10 mail.example. */
  static String text(Record r) {
    if (r instanceof ARecord a) return a.getAddress().getHostAddress();
    if (r instanceof AAAARecord a) return compressed(a.getAddress());
    if (r instanceof MXRecord mx) return mx.getPriority() + " " + withoutDot(mx.getTarget().toString());
    if (r instanceof TXTRecord txt) return String.join("", txt.getStrings());
    return withoutDot(r.rdataToString());
  }

  /** An IPv6 address in its short form (RFC 5952): 2001:db8::1. */
  static String compressed(InetAddress address) {
    String[] groups = address.getHostAddress().replaceFirst("%.*$", "").split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && Integer.parseInt(groups[j], 16) == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        out.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      out.append(Integer.toHexString(Integer.parseInt(groups[i], 16)));
      if (i < groups.length - 1) out.append(':');
    }
    return out.toString();
  }

  private static String withoutDot(String name) {
    return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }

  private static String why(Throwable error, String from, Duration timeout) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
        return "no answer from " + from + " within " + Failure.format(timeout);
      }
      if (t instanceof UnknownHostException) return "unknown DNS server " + from;
      if (t instanceof java.net.PortUnreachableException || t instanceof java.net.ConnectException) {
        return "no DNS server at " + from;
      }
      if (t instanceof NameTooLongException) return "name too long";
    }
    Throwable root = error;
    while (root.getCause() != null) root = root.getCause();
    return "query to " + from + " failed: " + root.getClass().getSimpleName();
  }

  private static Observation failed(Instant at, long start, String detail) {
    return Observation.failed(at, FailureClass.DNS, detail, Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    ((java.util.concurrent.ExecutorService) setup).shutdownNow();
  }
}
