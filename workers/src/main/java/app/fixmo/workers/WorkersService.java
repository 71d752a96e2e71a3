package app.fixmo.workers;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.config.Settings;
import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.platform.requests.RequestStatusStore;
import app.fixmo.platform.service.Service;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.workers.exports.BookingsExportHandler;
import app.fixmo.workers.jobs.FlakyJobHandler;
import app.fixmo.workers.jobs.JobHandler;
import app.fixmo.workers.jobs.JobWorkers;
import app.fixmo.workers.jobs.NoopJobHandler;
import app.fixmo.workers.mail.MailHandlers;
import app.fixmo.workers.projector.ViewProjector;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RedissonClient;

/**
 * The workers process: the view projector and the job workers (every lane, weighted by the lane
 * settings), sharing one Redis client.
 */
public final class WorkersService implements Service {

  private final FixmoConfig config;
  private final MeterRegistry registry;
  private final Clock clock;
  private RedissonClient redis;
  private ViewStore views;
  private ViewProjector projector;
  private JobWorkers jobs;

  public WorkersService(FixmoConfig config, MeterRegistry registry, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "workers";
  }

  @Override
  public void start() {
    KafkaClients kafka = new KafkaClients(config);
    redis = RedisClients.create(config);
    views = new ViewStore(redis, config);
    projector =
        new ViewProjector(
            kafka, views, new RequestStatusStore(redis, config), registry, "fixmo-projector");
    projector.start();
    jobs = new JobWorkers(config, redis, registry, clock, handlers());
    jobs.start();
  }

  /** Returns the handlers of every job type this process runs; diagnostics only in dev or tests. */
  private List<JobHandler> handlers() {
    List<JobHandler> handlers = new ArrayList<>();
    handlers.addAll(MailHandlers.create(config, views, clock));
    handlers.add(new BookingsExportHandler(redis, config, clock));
    if (config.get(Settings.DEV_MODE) || config.get(Settings.JOBS_DIAGNOSTICS)) {
      handlers.add(new NoopJobHandler());
      handlers.add(new FlakyJobHandler());
    }
    return handlers;
  }

  /** Returns the Redis client, for the health check of the process that runs this service. */
  public RedissonClient redis() {
    return redis;
  }

  @Override
  public void close() {
    if (jobs != null) {
      jobs.close();
    }
    if (projector != null) {
      projector.close();
    }
    if (redis != null) {
      redis.shutdown();
    }
  }
}
