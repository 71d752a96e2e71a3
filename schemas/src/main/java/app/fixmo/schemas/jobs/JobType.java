package app.fixmo.schemas.jobs;

/**
 * A job type FixMo runs: its name, the record its payload must read as, and how it is retried.
 *
 * @param name the type as jobs carry it, for example {@code mail.welcome}
 * @param payloadType the record the payload is read into, strictly
 * @param retryPolicy how failed attempts are retried
 * @param diagnostic whether it exists only in dev mode and tests
 */
public record JobType(
    String name, Class<?> payloadType, RetryPolicy retryPolicy, boolean diagnostic) {}
