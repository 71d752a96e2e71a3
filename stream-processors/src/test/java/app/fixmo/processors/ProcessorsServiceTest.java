package app.fixmo.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.processors.deciding.SkipUnreadableRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class ProcessorsServiceTest {

  private final FixmoConfig config = FixmoConfig.from(Map.of("FIXMO_NAMESPACE", "dev"));

  @Test
  void streamsRunExactlyOnceUnderTheNamespacedApplicationId() {
    Properties props = ProcessorsService.streamsProperties(config);

    assertThat(props)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "dev.fixmo-processors")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void unreadableRecordsAreSkippedOntoTheNamespacedDeadLetterTopic() {
    Properties props = ProcessorsService.streamsProperties(config);

    assertThat(props)
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            SkipUnreadableRecords.class)
        .containsEntry(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dev.fixmo.processors.dead");
  }

  @Test
  void serviceNotYetStartedIsNotReady() {
    ProcessorsService service = new ProcessorsService(config, new SimpleMeterRegistry());

    assertThat(service.state()).isNull();
    assertThatThrownBy(() -> service.healthCheck().probe()).hasMessage("not started");
  }

  @Test
  void closingServiceThatNeverStartedDoesNothing() {
    ProcessorsService service = new ProcessorsService(config, new SimpleMeterRegistry());

    service.close();

    assertThat(service.state()).isNull();
  }

  @Test
  void streamsCheckIsUpWhileRebalancingAndDownAfterAnError() {
    StreamsStateCheck rebalancing = new StreamsStateCheck(() -> KafkaStreams.State.REBALANCING);
    StreamsStateCheck failed = new StreamsStateCheck(() -> KafkaStreams.State.ERROR);

    assertThat(rebalancing.name()).isEqualTo("streams");
    assertThatCode(rebalancing::probe).doesNotThrowAnyException();
    assertThatThrownBy(failed::probe).hasMessage("state is ERROR");
  }
}
