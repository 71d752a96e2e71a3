package app.fixmo.schemas.jobs;

import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.topics.Topic;
import app.fixmo.schemas.topics.Topics;
import java.util.List;

/** The job queues and the topics that carry them: one topic per lane. */
public final class JobLanes {

  /** Each lane's topic, most urgent first. */
  public static final List<Topic<Job>> TOPICS =
      List.of(Topics.JOBS_CRITICAL, Topics.JOBS_DEFAULT, Topics.JOBS_BULK);

  private JobLanes() {}

  /**
   * Returns the topic of a queue.
   *
   * @throws IllegalArgumentException if the queue is not one of {@link Job#QUEUES}
   */
  public static Topic<Job> topicOf(String queue) {
    return switch (queue) {
      case JobTypes.CRITICAL_QUEUE -> Topics.JOBS_CRITICAL;
      case JobTypes.DEFAULT_QUEUE -> Topics.JOBS_DEFAULT;
      case JobTypes.BULK_QUEUE -> Topics.JOBS_BULK;
      default ->
          throw new IllegalArgumentException(
              "queue must be one of " + Job.QUEUES + ", was '" + queue + "'");
    };
  }
}
