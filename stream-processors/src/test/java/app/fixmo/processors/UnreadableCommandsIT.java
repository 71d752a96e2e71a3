package app.fixmo.processors;

import static org.assertj.core.api.Assertions.assertThat;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.topics.Topics;
import app.fixmo.testkit.KafkaBroker;
import app.fixmo.testkit.TopicProbe;
import app.fixmo.testkit.WithKafkaAndRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A record on a command topic that is no command, through the processors on a real broker: Kafka
 * Streams' dead-letter queue keeps it (the test driver does not deliver to it, so this runs here).
 */
@WithKafkaAndRedis
class UnreadableCommandsIT {

  @Test
  void unreadableCommandIsKeptAsItCameWithItsErrorAndPlaceAndTheNextOneIsDecided(
      KafkaBroker broker, TopicProbe probe) throws Exception {
    Path stateDir = Files.createTempDirectory("fixmo-processors");
    FixmoConfig config =
        FixmoConfig.from(
            Map.of(
                "FIXMO_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "FIXMO_NAMESPACE", probe.namespace().value(),
                "FIXMO_STREAMS_STATE_DIR", stateDir.toString()));
    Command next = Registrations.register("ann@example.com");

    try (ProcessorsService processors = new ProcessorsService(config, new SimpleMeterRegistry())) {
      processors.start();
      RecordMetadata garbage = sendText(broker, probe, next.key(), "this is not JSON");
      probe.send(Topics.ACCOUNT_COMMANDS, next.key(), next);

      ConsumerRecord<String, byte[]> letter = probe.awaitRecords(Topics.PROCESSORS_DEAD, 1).get(0);
      assertThat(letter.key()).isEqualTo(next.key());
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
      assertThat(header(letter, "__streams.errors.topic"))
          .isEqualTo(probe.nameOf(Topics.ACCOUNT_COMMANDS));
      assertThat(header(letter, "__streams.errors.partition"))
          .isEqualTo(Integer.toString(garbage.partition()));
      assertThat(header(letter, "__streams.errors.offset"))
          .isEqualTo(Long.toString(garbage.offset()));
      assertThat(header(letter, "__streams.errors.message")).isNotBlank();
      assertThat(probe.awaitValues(Topics.REQUEST_OUTCOMES, 1))
          .extracting(Outcome::status)
          .containsExactly(201);
    }
  }

  private static RecordMetadata sendText(
      KafkaBroker broker, TopicProbe probe, String key, String text) throws Exception {
    Map<String, Object> settings =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    try (var producer =
        new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      String topic = probe.nameOf(Topics.ACCOUNT_COMMANDS);
      return producer.send(new ProducerRecord<>(topic, key, text)).get();
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
