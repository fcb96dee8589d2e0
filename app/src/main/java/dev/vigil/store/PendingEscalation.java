package dev.vigil.store;

import java.time.Instant;

/**
 * A wake ladder in progress, as persisted so it survives a restart.
 *
 * @param step how far it got: 0 not yet loud, 1 alarm, 2 phone, 3 further contact, -1 acknowledged (waiting to
 *     re-wake)
 * @param nextAt when the next step is due, or null
 * @param receipt the Pushover emergency receipt to cancel on acknowledge, or null
 */
public record PendingEscalation(long alertId, int step, Instant nextAt, String receipt, Instant startedAt, Instant ackedAt) {}
