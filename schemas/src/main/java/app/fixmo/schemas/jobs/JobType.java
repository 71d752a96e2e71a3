package app.fixmo.schemas.jobs;

import java.time.Duration;

/**
 * A job type FixMo runs: its name, the record its payload must read as, how long one attempt may
 * run and how it is retried.
 *
 * @param name the type as jobs carry it, for example {@code mail.welcome}
 * @param payloadType the record the payload is read into, strictly
 * @param timeLimit how long one attempt may run before it counts as failed
 * @param retryPolicy how failed attempts are retried
 * @param diagnostic whether it exists only in dev mode and tests
 */
public record JobType(
    String name,
    Class<?> payloadType,
    Duration timeLimit,
    RetryPolicy retryPolicy,
    boolean diagnostic) {}
