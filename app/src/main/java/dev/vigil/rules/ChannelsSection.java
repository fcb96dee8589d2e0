package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code channels:} where notifications go besides the desktop (ntfy, Pushover, a webhook) and the outbound heartbeat
 * (healthchecks). Values may use {@code ${env:NAME}}; a problem names the variable, never its value.
 */
final class ChannelsSection implements PolicySection {
  @Override
  public List<String> keys() {
    return List.of("channels");
  }

  @Override
  public Policy read(Fields file, Policy policy) {
    Fields f = file.section("channels", Set.of("ntfy", "pushover", "webhook", "healthchecks"));
    if (f == null) return policy;
    return policy.withChannels(new Policy.Channels(ntfy(f), pushover(f), webhook(f), healthchecks(f)));
  }

  private static Policy.Ntfy ntfy(Fields channels) {
    Fields f = channels.section("ntfy", Set.of("url", "topic", "token", "replyTopic"));
    if (f == null) return null;
    String url = f.has("url") ? f.url("url", true) : "https://ntfy.sh";
    String topic = f.envText("topic", true);
    String token = f.envText("token", false);
    String reply = replyTopic(f, topic);
    return f.failed() ? null : new Policy.Ntfy(url, topic, token, reply);
  }

  /** Where the Acknowledge button of an urgent page publishes and Vigil reads: default the topic + {@code -ack}. */
  private static String replyTopic(Fields ntfy, String topic) {
    String fallback = topic == null ? null : topic + "-ack";
    String reply = ntfy.envText("replyTopic", false);
    if (reply == null || reply.equals(fallback)) return fallback;
    if (reply.equals(topic)) {
      ntfy.problem("replyTopic", "must differ from channels.ntfy.topic (Vigil reads it for acknowledgements)");
    } else if (!reply.matches("[-_A-Za-z0-9]{1,64}")) {
      ntfy.problem("replyTopic", "\"" + reply + "\" is not an ntfy topic name (letters, digits, - and _, at most 64)");
    } else {
      return reply;
    }
    return fallback;
  }

  private static Policy.Pushover pushover(Fields channels) {
    Fields f = channels.section("pushover", Set.of("token", "user", "api"));
    if (f == null) return null;
    String token = f.envText("token", true);
    String user = f.envText("user", true);
    String api = f.has("api") ? f.url("api", true) : "https://api.pushover.net";
    return f.failed() ? null : new Policy.Pushover(token, user, api);
  }

  private static Policy.Webhook webhook(Fields channels) {
    Fields f = channels.section("webhook", Set.of("url"));
    if (f == null) return null;
    String url = f.url("url", true);
    return f.failed() ? null : new Policy.Webhook(url);
  }

  private static Policy.Healthchecks healthchecks(Fields channels) {
    Fields f = channels.section("healthchecks", Set.of("url", "every"));
    if (f == null) return null;
    String url = f.url("url", true);
    Duration every = f.duration("every", Duration.ofMinutes(1), Duration.ofSeconds(1));
    return f.failed() ? null : new Policy.Healthchecks(url, every);
  }
}
