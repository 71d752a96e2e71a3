package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backlog of each lane as a gauge, {@code fixmo_jobs_backlog{queue}}, refreshed every few
 * seconds from the broker.
 *
 * <p>What it measures: per partition, the share group's lag as the broker reports it (records not
 * yet acknowledged, from the share-partition start offset to the end); where the broker reports
 * none, the end offset minus the start offset; and for a partition the group has not read yet, all
 * its records. Jobs in hand count as backlog until acknowledged. Jobs waiting on the scheduled
 * topic are not in it: the scheduler's store holds those.
 */
final class JobBacklog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobBacklog.class);
  private static final long REFRESH_SECONDS = 5;
  private static final String GAUGE = "fixmo.jobs.backlog";

  private final KafkaClients kafka;
  private final FixmoConfig config;
  private final List<Lane> lanes;
  private final Map<String, Long> backlog = new ConcurrentHashMap<>();
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("job-backlog").unstarted(runnable));
  private Admin admin;

  JobBacklog(KafkaClients kafka, FixmoConfig config, List<Lane> lanes, MeterRegistry registry) {
    this.kafka = kafka;
    this.config = config;
    this.lanes = List.copyOf(lanes);
    for (Lane lane : lanes) {
      backlog.put(lane.queue(), 0L);
      // A gauge keeps the object it was registered with: replace one left by an earlier worker.
      registry.find(GAUGE).tag("queue", lane.queue()).gauges().forEach(registry::remove);
      Gauge.builder(GAUGE, backlog, values -> values.get(lane.queue()))
          .tag("queue", lane.queue())
          .description("jobs on the lane not yet acknowledged, refreshed every 5 s")
          .strongReference(true)
          .register(registry);
    }
  }

  /** Starts refreshing. */
  void start() {
    admin = Admin.create(kafka.admin("job-backlog"));
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  /** Returns the last measured backlog of a queue. */
  long of(String queue) {
    return backlog.getOrDefault(queue, 0L);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (Exception e) {
      log.debug("could not measure the job backlog: {}", e.toString());
    }
  }

  /** Measures every lane's backlog now. */
  void refresh() throws Exception {
    for (Lane lane : lanes) {
      List<TopicPartition> partitions =
          IntStream.range(0, lane.topic().partitions())
              .mapToObj(p -> new TopicPartition(kafka.name(lane.topic()), p))
              .toList();
      backlog.put(lane.queue(), measure(config.scoped(lane.group()), partitions));
    }
  }

  private long measure(String group, List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, SharePartitionOffsetInfo> shares =
        admin
            .listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec()))
            .partitionsToOffsetInfo(group)
            .get(5, TimeUnit.SECONDS);
    Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
    Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
    long total = 0;
    for (TopicPartition partition : partitions) {
      long end = ends.get(partition).offset();
      SharePartitionOffsetInfo share = shares.get(partition);
      if (share == null) {
        total += end - starts.get(partition).offset();
      } else {
        total += share.lag().orElse(Math.max(0, end - share.startOffset()));
      }
    }
    return total;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
    partitions.forEach(partition -> wanted.put(partition, spec));
    return admin.listOffsets(wanted).all().get(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(2));
    }
  }
}
