package dev.vigil.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** A body read up to a cap: one byte past the cap is asked for, only to learn whether there was more. */
record CappedBody(String text, boolean truncated) {
  static CappedBody read(ResponseBody body, long cap) throws IOException {
    BufferedSource source = body.source();
    boolean truncated = source.request(cap == Long.MAX_VALUE ? cap : cap + 1);
    long size = Math.min(source.getBuffer().size(), cap);
    return new CappedBody(source.readString(size, StandardCharsets.UTF_8), truncated);
  }
}
