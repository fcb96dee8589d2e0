package dev.vigil.store;

import java.time.Instant;

/**
 * A stretch of time in which Vigil did not watch: the machine slept, or the wall clock jumped.
 *
 * @param started the last moment Vigil knew it was watching (for a clock set back: the time before the jump)
 * @param ended when it noticed
 * @param reason e.g. "sleep or clock jump forward: no housekeeping for 8h"
 */
public record Gap(Instant started, Instant ended, String reason) {}
