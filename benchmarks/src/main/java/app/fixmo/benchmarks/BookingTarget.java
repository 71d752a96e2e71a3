package app.fixmo.benchmarks;

import java.time.Instant;

/** A free slot to book: whose, under which listing, and when it starts. */
record BookingTarget(String providerId, String listingId, Instant start) {}
