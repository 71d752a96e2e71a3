package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobLanes;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.topics.Topic;
import java.util.List;

/**
 * One job queue as a worker serves it: its topic and how many share consumers take from it.
 *
 * <p>Lanes are weighted by their consumer counts. Each consumer is a thread of its own with its own
 * fetches, so a flood on one lane never stands in front of another lane's jobs; under full load the
 * threads share the CPU, so the lane with more consumers gets the larger share.
 *
 * @param queue the queue name
 * @param topic its topic
 * @param consumers how many share consumers serve it in this worker; 0 leaves it to others
 */
public record Lane(String queue, Topic<Job> topic, int consumers) {

  /** Returns the share group the lane's consumers join, before the namespace prefix. */
  public String group() {
    return "fixmo-workers-" + topic.name();
  }

  /** Returns the three lanes with the consumer counts the configuration gives. */
  public static List<Lane> fromConfig(FixmoConfig config) {
    return List.of(
        of(JobTypes.CRITICAL_QUEUE, config.get(Settings.JOBS_CRITICAL_CONSUMERS)),
        of(JobTypes.DEFAULT_QUEUE, config.get(Settings.JOBS_DEFAULT_CONSUMERS)),
        of(JobTypes.BULK_QUEUE, config.get(Settings.JOBS_BULK_CONSUMERS)));
  }

  /** Returns the lane of a queue with the given number of consumers. */
  public static Lane of(String queue, int consumers) {
    return new Lane(queue, JobLanes.topicOf(queue), consumers);
  }
}
