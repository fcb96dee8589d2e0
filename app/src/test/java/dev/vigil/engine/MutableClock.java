package dev.vigil.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A wall clock a test moves by hand (the real clock's passing time is added, so time still flows). */
final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Duration offset = Duration.ZERO;

  MutableClock(ZoneId zone) {
    this.zone = zone;
  }

  void jump(Duration by) {
    offset = offset.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
