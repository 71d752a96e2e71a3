package app.fixmo.processors.deciding;

import static app.fixmo.processors.Registrations.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.processors.ProcessorsDriver;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecidingTopologyTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:01Z");

  @TempDir Path stateDir;

  /** The state of the test aggregate: how many commands it accepted. */
  record Tally(long count) {}

  @Test
  void deciderThatFailsIsAnsweredWith500AndLaterCommandsAreStillDecided() {
    Decider<Tally> failsOnBob =
        (command, current, now) -> {
          if (command.key().startsWith("bob")) {
            throw new IllegalStateException("a bug in the rules");
          }
          return accepted(command, current.map(Tally::count).orElse(0L), now);
        };

    try (ProcessorsDriver driver = drive(failsOnBob)) {
      driver.send(register("bob@example.com"));
      driver.send(register("ann@example.com"));

      assertThat(driver.outcomes())
          .extracting(outcome -> outcome.value().status())
          .containsExactly(500, 200);
      assertThat(driver.<Tally>store("tallies-state").get("bob@example.com")).isNull();
      assertThat(driver.<Tally>store("tallies-state").get("ann@example.com"))
          .isEqualTo(new Tally(1));
    }
  }

  @Test
  void jobOnAnUnknownQueueIsAnsweredWith500AndWritesNothingElse() {
    Decider<Tally> queuesOnUnknownLane =
        (command, current, now) -> {
          Event event = Event.of(command, "tally.counted", command.key(), 1, now, Map.of());
          Job job = Job.of(event, "someday", "tally.report", Map.of());
          Outcome outcome = Outcome.succeeded(command, 200, Map.of(), now, List.of());
          return new Decision<>(List.of(event), outcome, List.of(job), new Tally(1));
        };

    try (ProcessorsDriver driver = drive(queuesOnUnknownLane)) {
      driver.send(register("ann@example.com"));

      assertThat(driver.outcomes())
          .extracting(outcome -> outcome.value().problem())
          .containsExactly(
              Problem.of(500, "internal", "Internal error", "the request could not be decided"));
      assertThat(driver.events()).isEmpty();
      assertThat(driver.jobs()).isEmpty();
      assertThat(driver.<Tally>store("tallies-state").get("ann@example.com")).isNull();
    }
  }

  @Test
  void recordWithoutValueIsSkipped() {
    try (ProcessorsDriver driver = drive((command, current, now) -> accepted(command, 0, now))) {
      driver.send("ann@example.com", null);
      driver.send(register("ann@example.com"));

      assertThat(driver.outcomes())
          .extracting(outcome -> outcome.value().status())
          .containsExactly(200);
    }
  }

  @Test
  void rejectionThatWouldEmitEventsIsRefused() {
    Command command = register("ann@example.com");
    Event event = Event.of(command, "tally.counted", command.key(), 1, NOW, Map.of());
    Outcome rejected = Outcome.rejected(command, Problem.conflict("taken", "taken"), NOW);

    assertThatThrownBy(() -> new Decision<>(List.of(event), rejected, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a rejected command must not emit events or jobs");
  }

  private static Decision<Tally> accepted(Command command, long count, Instant now) {
    Outcome outcome = Outcome.succeeded(command, 200, Map.of(), now, List.of());
    return new Decision<>(List.of(), outcome, List.of(), new Tally(count + 1));
  }

  private ProcessorsDriver drive(Decider<Tally> decider) {
    Aggregate<Tally> tallies =
        new Aggregate<>(
            "tallies", Topics.ACCOUNT_COMMANDS, Topics.ACCOUNT_EVENTS, Tally.class, decider);
    Topology topology =
        DecidingTopology.addTo(
            new Topology(), tallies, ProcessorsDriver.NAMESPACE, Clock.fixed(NOW, ZoneOffset.UTC));
    return new ProcessorsDriver(topology, stateDir);
  }
}
