package dev.vigil.store;

import java.time.Instant;

/** A monitor went up or down. */
public record StateChange(String monitor, Instant at, boolean up, String summary) {}
