package dev.vigil.http;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * An answer read a line at a time while the server keeps it open (a JSON stream). {@link #close} ends it from any
 * thread, before or while it is read: the reading thread then gets an {@link IOException}.
 */
public final class Lines implements AutoCloseable {
  private final Call call;
  private volatile Response response;

  Lines(Call call) {
    this.call = call;
  }

  /** Sends the request and returns the status; read the lines with {@link #forEach} when it is the one wanted. */
  public int open() throws IOException {
    response = call.execute();
    return response.code();
  }

  /** Hands each line to {@code line} until the server ends the answer. */
  public void forEach(Consumer<String> line) throws IOException {
    if (response == null) throw new IllegalStateException("open() first");
    BufferedSource source = response.body().source();
    for (String l = source.readUtf8Line(); l != null; l = source.readUtf8Line()) line.accept(l);
  }

  @Override
  public void close() {
    call.cancel();
    Response r = response;
    if (r != null) r.close();
  }
}
