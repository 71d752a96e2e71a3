package app.fixmo.workers.deadletters;

import app.fixmo.schemas.jobs.DeadJob;

/**
 * A dead letter as read from the dead-letter topic, with where it lies there.
 *
 * @param partition its partition on the dead-letter topic
 * @param offset its offset there
 */
public record DeadLetter(int partition, long offset, DeadJob job) {}
