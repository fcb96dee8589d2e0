package dev.vigil.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/** Counts calls and connections for {@link HttpChecker#stats()}, and tells each attempt when it is resolving. */
final class CallEvents extends EventListener {
  private final LongAdder calls = new LongAdder();
  private final LongAdder connectionsOpened = new LongAdder();
  private final LongAdder connectionsAcquired = new LongAdder();

  @Override
  public void callStart(Call call) {
    calls.increment();
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    resolving(call, true);
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    resolving(call, false);
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    connectionsOpened.increment();
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    connectionsAcquired.increment();
  }

  HttpChecker.Stats stats() {
    return new HttpChecker.Stats(calls.sum(), connectionsOpened.sum(), connectionsAcquired.sum());
  }

  private static void resolving(Call call, boolean resolving) {
    Attempt attempt = call.request().tag(Attempt.class);
    if (attempt != null) attempt.resolving(resolving);
  }
}
