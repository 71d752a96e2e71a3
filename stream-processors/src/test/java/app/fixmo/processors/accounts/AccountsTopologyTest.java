package app.fixmo.processors.accounts;

import static app.fixmo.processors.Registrations.TRACEPARENT;
import static app.fixmo.processors.Registrations.command;
import static app.fixmo.processors.Registrations.payload;
import static app.fixmo.processors.Registrations.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.processors.ProcessorsDriver;
import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.accounts.AccountEvents;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.jobs.JobTypes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTopologyTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:01Z");

  @TempDir Path stateDir;

  private ProcessorsDriver driver;

  @BeforeEach
  void startDriver() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    driver =
        new ProcessorsDriver(AccountsTopology.build(ProcessorsDriver.NAMESPACE, clock), stateDir);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void registrationWritesEventViewsJobAndOutcomeUnderTheirKeys() {
    Command command = register("ann@example.com");

    driver.send(command);

    String accountId = command.id().toString();
    assertThat(driver.events()).extracting(TestRecord::key).containsExactly(accountId);
    assertThat(driver.views())
        .extracting(TestRecord::key)
        .containsExactly("account/" + accountId, "credentials/ann@example.com");
    assertThat(driver.jobs())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.key()).isEqualTo(job.value().id().toString());
              assertThat(job.value().type()).isEqualTo(JobTypes.WELCOME_MAIL);
            });
    assertThat(driver.outcomes())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.key()).isEqualTo(command.requestId());
              assertThat(outcome.value().status()).isEqualTo(201);
              assertThat(outcome.value().views()).hasSize(2);
            });
  }

  @Test
  void everyOutputCarriesItsTypeTheRequestIdAndTheTraceContext() {
    Command command = register("ann@example.com");

    driver.send(command);

    assertStamped(driver.events(), AccountEvents.REGISTERED, command);
    assertStamped(driver.jobs(), JobTypes.WELCOME_MAIL, command);
    assertStamped(driver.outcomes(), "outcome.succeeded", command);
    var views = driver.views();
    assertStamped(views.subList(0, 1), "view.account", command);
    assertStamped(views.subList(1, 2), "view.credentials", command);
  }

  @Test
  void everyOutputIsTimestampedWithTheDecisionTime() {
    driver.send(register("ann@example.com"));

    assertThat(driver.events()).extracting(TestRecord::timestamp).containsOnly(NOW.toEpochMilli());
    assertThat(driver.views()).extracting(TestRecord::timestamp).containsOnly(NOW.toEpochMilli());
    assertThat(driver.jobs()).extracting(TestRecord::timestamp).containsOnly(NOW.toEpochMilli());
    assertThat(driver.outcomes())
        .extracting(TestRecord::timestamp)
        .containsOnly(NOW.toEpochMilli());
  }

  @Test
  void storeHoldsTheAccountUnderItsNormalisedEmail() {
    Command command = register("Ann@Example.com");

    driver.send(command);

    KeyValueStore<String, AccountState> store = driver.store(AccountsTopology.STORE);
    AccountState ann = store.get("ann@example.com");
    assertThat(ann.accountId()).isEqualTo(command.id().toString());
    assertThat(ann.version()).isEqualTo(1);
    assertThat(ann.changedAt()).isEqualTo(NOW);
  }

  @Test
  void secondRegistrationOfSameEmailIsRejectedWith409AndWritesNothingElse() {
    driver.send(register("ann@example.com"));
    drainAll();
    Command second = register("ann@example.com");

    driver.send(second);

    assertThat(driver.outcomes())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.key()).isEqualTo(second.requestId());
              assertThat(outcome.value().status()).isEqualTo(409);
              assertThat(outcome.value().problem().type()).endsWith("/email-taken");
            });
    assertNothingButOutcomes();
  }

  @Test
  void commandDeliveredTwiceGetsItsAnswerTwiceButRegistersOnce() {
    Command command = register("ann@example.com");
    driver.send(command);
    drainAll();

    driver.send(command);

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.key(), outcome -> outcome.value().status())
        .containsExactly(tuple(command.requestId(), 201));
    assertThat(driver.events()).isEmpty();
    assertThat(driver.jobs()).isEmpty();
    assertThat(driver.views()).extracting(view -> view.value().version()).containsOnly(1L);
  }

  @Test
  void emailsDifferingOnlyInCaseBelongToOneAccount() {
    driver.send(register("ann@example.com"));
    drainAll();

    driver.send(register("ANN@Example.COM"));

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.value().status())
        .containsExactly(409);
  }

  @Test
  void commandWhoseKeyIsNotItsEmailNormalisedIsRejectedNamingKey() {
    Command command =
        command(AccountCommands.REGISTER, "ANN@example.com", payload("ann@example.com"));

    driver.send(command);

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.value().problem().errors().get(0).field())
        .containsExactly("key");
    assertNothingButOutcomes();
  }

  @Test
  void commandSentUnderAnotherRecordKeyIsRejectedNamingKey() {
    Command command = register("ann@example.com");

    driver.send("bob@example.com", command);

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.value().problem())
        .containsExactly(
            Problem.invalidField("key", "must equal the Kafka record key 'bob@example.com'"));
    assertNothingButOutcomes();
    assertThat(driver.<AccountState>store(AccountsTopology.STORE).approximateNumEntries()).isZero();
  }

  @Test
  void invalidPayloadIsRejectedWith422NamingTheField() {
    var payload = payload("ann@example.com");
    payload.put("city", "");

    driver.send(command(AccountCommands.REGISTER, "ann@example.com", payload));

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.value().problem())
        .containsExactly(Problem.invalidField("city", "must not be blank"));
    assertNothingButOutcomes();
  }

  @Test
  void unknownCommandTypeIsRejectedWith422NamingType() {
    driver.send(command("account.rename", "ann@example.com", payload("ann@example.com")));

    assertThat(driver.outcomes())
        .singleElement()
        .satisfies(
            outcome -> {
              assertThat(outcome.value().state()).isEqualTo(Outcome.State.REJECTED);
              assertThat(outcome.value().status()).isEqualTo(422);
              assertThat(outcome.value().problem().errors().get(0).field()).isEqualTo("type");
            });
    assertNothingButOutcomes();
  }

  @Test
  void unreadableRecordIsSkippedAndTheNextCommandIsStillDecided() {
    Command next = register("ann@example.com");

    driver.sendText("ann@example.com", "this is not JSON");
    driver.send(next);

    assertThat(driver.outcomes())
        .extracting(outcome -> outcome.key(), outcome -> outcome.value().status())
        .containsExactly(tuple(next.requestId(), 201));
    assertThat(driver.metric("dropped-records-total")).isEqualTo(1.0);
  }

  @Test
  void commandBreakingTheEnvelopeContractIsSkippedLikeUnreadableOne() {
    String noRequestId =
        "{\"id\":\"0190c0de-0000-7000-8000-000000000001\",\"type\":\"account.register\","
            + "\"key\":\"ann@example.com\",\"actor\":\"anonymous\","
            + "\"at\":\"2026-12-04T09:00:00Z\",\"schemaVersion\":1,\"payload\":{}}";

    driver.sendText("ann@example.com", noRequestId);

    assertThat(driver.outcomes()).isEmpty();
    assertThat(driver.metric("dropped-records-total")).isEqualTo(1.0);
  }

  private void drainAll() {
    driver.events();
    driver.views();
    driver.jobs();
    driver.outcomes();
  }

  private void assertNothingButOutcomes() {
    assertThat(driver.events()).isEmpty();
    assertThat(driver.views()).isEmpty();
    assertThat(driver.jobs()).isEmpty();
  }

  private static void assertStamped(
      List<? extends TestRecord<String, ?>> records, String type, Command command) {
    assertThat(records)
        .isNotEmpty()
        .allSatisfy(
            record -> {
              Headers headers = record.headers();
              assertThat(KafkaHeaders.read(headers, KafkaHeaders.TYPE)).isEqualTo(type);
              assertThat(KafkaHeaders.read(headers, KafkaHeaders.REQUEST_ID))
                  .isEqualTo(command.requestId());
              assertThat(KafkaHeaders.read(headers, KafkaHeaders.TRACEPARENT))
                  .isEqualTo(TRACEPARENT);
            });
  }
}
