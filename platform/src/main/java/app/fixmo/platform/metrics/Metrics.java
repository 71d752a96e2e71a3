package app.fixmo.platform.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Makes the Prometheus registry of one service, with the JVM's own meters bound. */
public final class Metrics {

  private Metrics() {}

  /**
   * Creates a registry tagging every series with the service name.
   *
   * <p>Kafka clients publish hundreds of per-node and per-partition series; only the ones an
   * operator acts on are kept (records, latency, lag, errors, Streams task totals).
   */
  public static PrometheusMeterRegistry create(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    registry.config().meterFilter(keepUsefulKafkaMeters());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    return registry;
  }

  private static MeterFilter keepUsefulKafkaMeters() {
    return MeterFilter.deny(
        id -> {
          String name = id.getName();
          if (!name.startsWith("kafka.")) {
            return false;
          }
          return id.getTag("node.id") != null
              || id.getTag("partition") != null
              || !(name.contains("record")
                  || name.contains("latency")
                  || name.contains("lag")
                  || name.contains("error")
                  || name.contains("commit")
                  || name.contains("process"));
        });
  }
}
