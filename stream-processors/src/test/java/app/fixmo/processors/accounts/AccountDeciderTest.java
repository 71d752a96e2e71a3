package app.fixmo.processors.accounts;

import static app.fixmo.processors.Registrations.HASH;
import static app.fixmo.processors.Registrations.command;
import static app.fixmo.processors.Registrations.payload;
import static app.fixmo.processors.Registrations.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.accounts.AccountEvents;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountDeciderTest {

  private static final Instant NOW = Instant.parse("2026-12-04T09:00:01Z");

  private final AccountDecider decider = new AccountDecider();

  @Test
  void registrationOfUnusedEmailOpensAccountAtVersionOne() {
    Command command = register("ann@example.com");

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.newState())
        .contains(
            new AccountState(
                command.id().toString(),
                "ann@example.com",
                HASH,
                "Ann Reyes",
                Role.CUSTOMER,
                "Manila",
                1,
                NOW));
  }

  @Test
  void registrationRecordsRegisteredEventKeyedByAccountIdWithoutPasswordHash() {
    Command command = register("ann@example.com");

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    String accountId = command.id().toString();
    assertThat(decision.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo(AccountEvents.REGISTERED);
              assertThat(event.key()).isEqualTo(accountId);
              assertThat(event.version()).isEqualTo(1);
              assertThat(event.at()).isEqualTo(NOW);
              assertThat(event.requestId()).isEqualTo(command.requestId());
              assertThat(event.payloadAs(AccountEvents.Registered.class))
                  .isEqualTo(
                      new AccountEvents.Registered(
                          accountId, "ann@example.com", "Ann Reyes", Role.CUSTOMER, "Manila"));
            });
  }

  @Test
  void registrationSucceedsWith201NamingTheAccount() {
    Command command = register("ann@example.com");

    Outcome outcome = decider.decide(command, Optional.empty(), NOW).outcome();

    assertThat(outcome.state()).isEqualTo(Outcome.State.SUCCEEDED);
    assertThat(outcome.status()).isEqualTo(201);
    assertThat(outcome.requestId()).isEqualTo(command.requestId());
    assertThat(outcome.resource()).isEqualTo(Json.tree("{\"accountId\":\"" + command.id() + "\"}"));
  }

  @Test
  void registrationOutcomeCarriesAccountAndCredentialsViewsAtVersionOne() {
    Command command = register("ann@example.com");

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    String accountId = command.id().toString();
    assertThat(decision.views())
        .extracting(ViewDocument::key, ViewDocument::version, ViewDocument::at)
        .containsExactly(
            tuple("account/" + accountId, 1L, NOW), tuple("credentials/ann@example.com", 1L, NOW));
    assertThat(Json.read(decision.views().get(0).body(), AccountViews.Account.class))
        .isEqualTo(
            new AccountViews.Account(
                accountId, "ann@example.com", "Ann Reyes", Role.CUSTOMER, "Manila"));
    assertThat(Json.read(decision.views().get(1).body(), AccountViews.Credentials.class))
        .isEqualTo(new AccountViews.Credentials(accountId, "ann@example.com", HASH));
  }

  @Test
  void registrationQueuesWelcomeMailOnDefaultQueue() {
    Command command = register("ann@example.com");

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    Event registered = decision.events().get(0);
    assertThat(decision.jobs())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.queue()).isEqualTo(JobTypes.DEFAULT_QUEUE);
              assertThat(job.type()).isEqualTo(JobTypes.WELCOME_MAIL);
              assertThat(job.attempt()).isEqualTo(1);
              assertThat(job.idempotencyKey()).isEqualTo(registered.id().toString());
              assertThat(job.payloadAs(JobTypes.WelcomeMail.class))
                  .isEqualTo(
                      new JobTypes.WelcomeMail(
                          command.id().toString(), "ann@example.com", "Ann Reyes"));
            });
  }

  @Test
  void registrationOfUsedEmailIsRejectedWithConflict() {
    AccountState ann = opened(register("ann@example.com"));
    Command second = register("ann@example.com");

    Decision<AccountState> decision = decider.decide(second, Optional.of(ann), NOW);

    assertThat(decision.outcome().status()).isEqualTo(409);
    assertThat(decision.outcome().problem())
        .isEqualTo(Problem.conflict("email-taken", "an account with this e-mail already exists"));
    assertNothingButTheOutcome(decision);
  }

  @Test
  void emailWrittenInOtherCaseOpensAccountUnderNormalisedEmail() {
    Command command =
        command(AccountCommands.REGISTER, "ann@example.com", payload("  Ann@Example.COM "));

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().status()).isEqualTo(201);
    assertThat(decision.newState())
        .hasValueSatisfying(state -> assertThat(state.email()).isEqualTo("ann@example.com"));
  }

  @Test
  void sameCommandSentTwiceGetsItsFirstAnswerAndChangesNothing() {
    Command command = register("ann@example.com");
    AccountState ann = opened(command);

    Decision<AccountState> decision = decider.decide(command, Optional.of(ann), NOW);

    assertThat(decision.outcome().status()).isEqualTo(201);
    assertThat(decision.outcome().resource().get("accountId").asText())
        .isEqualTo(command.id().toString());
    assertThat(decision.views()).hasSize(2).allMatch(view -> view.version() == 1);
    assertThat(decision.events()).isEmpty();
    assertThat(decision.jobs()).isEmpty();
    assertThat(decision.newState()).isEmpty();
  }

  @Test
  void keyOtherThanPayloadsNormalisedEmailIsRejectedNamingKey() {
    Command command =
        command(AccountCommands.REGISTER, "Ann@Example.com", payload("ann@example.com"));

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().problem())
        .isEqualTo(
            Problem.invalidField(
                "key",
                "must be the payload's normalised e-mail 'ann@example.com',"
                    + " not 'Ann@Example.com'"));
    assertNothingButTheOutcome(decision);
  }

  @Test
  void payloadWithoutNameIsRejectedNamingTheField() {
    var payload = payload("ann@example.com");
    payload.remove("name");
    Command command = command(AccountCommands.REGISTER, "ann@example.com", payload);

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().problem()).isEqualTo(Problem.invalidField("name", "is required"));
    assertNothingButTheOutcome(decision);
  }

  @Test
  void payloadWithMalformedEmailIsRejectedNamingTheField() {
    Command command =
        command(AccountCommands.REGISTER, "ann@example.com", payload("ann-at-example.com"));

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().problem())
        .isEqualTo(Problem.invalidField("email", "must be an e-mail address"));
  }

  @Test
  void payloadWithUnknownFieldIsRejectedNamingTheField() {
    var payload = payload("ann@example.com");
    payload.put("isAdmin", true);
    Command command = command(AccountCommands.REGISTER, "ann@example.com", payload);

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().problem())
        .isEqualTo(Problem.invalidField("isAdmin", "unknown field"));
  }

  @Test
  void payloadWithUnknownRoleIsRejectedNamingRole() {
    var payload = payload("ann@example.com");
    payload.put("role", "admin");
    Command command = command(AccountCommands.REGISTER, "ann@example.com", payload);

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().status()).isEqualTo(422);
    assertThat(decision.outcome().problem().errors())
        .singleElement()
        .satisfies(error -> assertThat(error.field()).isEqualTo("role"));
  }

  @Test
  void payloadThatIsNoObjectIsRejectedNamingPayload() {
    Command command =
        command(AccountCommands.REGISTER, "ann@example.com", Json.tree("[\"ann@example.com\"]"));

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().status()).isEqualTo(422);
    assertThat(decision.outcome().problem().errors())
        .singleElement()
        .satisfies(error -> assertThat(error.field()).isEqualTo("payload"));
  }

  @Test
  void unknownCommandTypeIsRejectedNamingType() {
    Command command = command("account.delete", "ann@example.com", payload("ann@example.com"));

    Decision<AccountState> decision = decider.decide(command, Optional.empty(), NOW);

    assertThat(decision.outcome().problem())
        .isEqualTo(
            Problem.invalidField(
                "type", "unknown command type 'account.delete'; accounts decide account.register"));
    assertNothingButTheOutcome(decision);
  }

  @Test
  void rejectionNamesTheRequestAndItsSender() {
    Command command = command("account.delete", "ann@example.com", payload("ann@example.com"));

    Outcome outcome = decider.decide(command, Optional.empty(), NOW).outcome();

    assertThat(outcome.state()).isEqualTo(Outcome.State.REJECTED);
    assertThat(outcome.requestId()).isEqualTo(command.requestId());
    assertThat(outcome.actor()).isEqualTo(command.actor());
    assertThat(outcome.traceparent()).isEqualTo(command.traceparent());
    assertThat(outcome.at()).isEqualTo(NOW);
  }

  private AccountState opened(Command registration) {
    return decider.decide(registration, Optional.empty(), NOW).newState().orElseThrow();
  }

  private static void assertNothingButTheOutcome(Decision<AccountState> decision) {
    assertThat(decision.outcome().state()).isEqualTo(Outcome.State.REJECTED);
    assertThat(decision.events()).isEmpty();
    assertThat(decision.views()).isEmpty();
    assertThat(decision.jobs()).isEmpty();
    assertThat(decision.newState()).isEmpty();
  }
}
