package dev.vigil.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** One request for {@link Web}: a method, a URL, headers and an optional text body sent as UTF-8. */
public final class WebRequest {
  private final Request.Builder builder;

  private WebRequest(String method, String url, String contentType, String body) throws IOException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) throw new IOException("not a valid URL");
    // The bytes, not the string: OkHttp would append "; charset=utf-8" to a content type that names none.
    RequestBody content = body == null ? null : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType));
    this.builder = new Request.Builder().url(parsed).method(method, content);
  }

  public static WebRequest get(String url) throws IOException {
    return new WebRequest("GET", url, null, null);
  }

  /** {@code POST url} with this body, sent with this {@code Content-Type} exactly. */
  public static WebRequest post(String url, String contentType, String body) throws IOException {
    return new WebRequest("POST", url, contentType, body);
  }

  /** Any method; {@code body} and {@code contentType} both null for none. */
  public static WebRequest of(String method, String url, String contentType, String body) throws IOException {
    return new WebRequest(method, url, contentType, body);
  }

  public WebRequest header(String name, String value) {
    builder.header(name, value);
    return this;
  }

  Request build() {
    return builder.build();
  }
}
