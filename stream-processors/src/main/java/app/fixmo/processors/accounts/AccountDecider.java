package app.fixmo.processors.accounts;

import app.fixmo.processors.deciding.Decider;
import app.fixmo.processors.deciding.Decision;
import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.accounts.AccountCommands.Register;
import app.fixmo.schemas.accounts.AccountEvents;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.Event;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.envelopes.Outcome;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of accounts, keyed by normalised e-mail so that one e-mail has one owner.
 *
 * <ul>
 *   <li>{@code account.register} with an unused e-mail opens the account (version 1): event {@code
 *       account.registered}, views {@code account/<id>} and {@code credentials/<email>}, a {@code
 *       mail.welcome} job, and a 201 outcome with {@code {"accountId": …}}.
 *   <li>The same command again (same command id) gets the same 201 and does nothing twice: no
 *       event, no job; its views go out again at the same version, which the projector ignores.
 *   <li>Any other registration of a used e-mail is a 409 {@code email-taken}.
 *   <li>A payload that breaks the contract, a key that is not the payload's normalised e-mail, or
 *       an unknown command type is a 422 naming the field.
 * </ul>
 */
public final class AccountDecider implements Decider<AccountState> {

  private static final int CREATED = 201;

  @Override
  public Decision<AccountState> decide(
      Command command, Optional<AccountState> current, Instant now) {
    return switch (command.type()) {
      case AccountCommands.REGISTER -> register(command, current, now);
      default -> Decision.rejected(command, unknownType(command.type()), now);
    };
  }

  private static Decision<AccountState> register(
      Command command, Optional<AccountState> current, Instant now) {
    Register register;
    try {
      register = command.payloadAs(Register.class);
    } catch (SchemaViolation e) {
      return Decision.rejected(command, invalidPayload(e), now);
    }

    if (!register.email().equals(command.key())) {
      return Decision.rejected(command, keyIsNotEmail(command.key(), register.email()), now);
    }
    if (current.isPresent()) {
      return againOrTaken(command, current.get(), now);
    }
    return open(command, register, now);
  }

  private static Decision<AccountState> open(Command command, Register register, Instant now) {
    AccountState account = AccountState.opened(command.id().toString(), register, now);
    Event registered =
        Event.of(
            command,
            AccountEvents.REGISTERED,
            account.accountId(),
            account.version(),
            now,
            account.registered());

    Job welcome =
        Job.of(registered, JobTypes.DEFAULT_QUEUE, JobTypes.WELCOME_MAIL, account.welcomeMail());

    Outcome outcome = created(command, account, now);
    return new Decision<>(List.of(registered), outcome, List.of(welcome), account);
  }

  private static Decision<AccountState> againOrTaken(
      Command command, AccountState account, Instant now) {
    // The account's id is the id of the command that opened it: seeing that id again means
    // the same command was sent twice, and it gets its first answer, not a conflict.
    if (account.accountId().equals(command.id().toString())) {
      return new Decision<>(List.of(), created(command, account, now), List.of(), null);
    }
    Problem taken = Problem.conflict("email-taken", "an account with this e-mail already exists");
    return Decision.rejected(command, taken, now);
  }

  private static Outcome created(Command command, AccountState account, Instant now) {
    Map<String, String> resource = Map.of("accountId", account.accountId());
    return Outcome.succeeded(command, CREATED, resource, now, views(account, command));
  }

  private static List<ViewDocument> views(AccountState account, Command command) {
    return List.of(
        view(AccountViews.ACCOUNT, account.accountId(), account, account.accountView(), command),
        view(
            AccountViews.CREDENTIALS,
            account.email(),
            account,
            account.credentialsView(),
            command));
  }

  private static ViewDocument view(
      String view, String id, AccountState account, Object body, Command command) {
    return new ViewDocument(
        view, id, account.version(), account.changedAt(), command.requestId(), Json.toTree(body));
  }

  private static Problem invalidPayload(SchemaViolation violation) {
    String field = violation.field().isEmpty() ? "payload" : violation.field();
    return Problem.invalidField(field, violation.getMessage());
  }

  private static Problem keyIsNotEmail(String key, String email) {
    return Problem.invalidField(
        "key", "must be the payload's normalised e-mail '" + email + "', not '" + key + "'");
  }

  private static Problem unknownType(String type) {
    return Problem.invalidField(
        "type", "unknown command type '" + type + "'; accounts decide " + AccountCommands.REGISTER);
  }
}
