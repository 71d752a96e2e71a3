package app.fixmo.processors.providers;

import app.fixmo.schemas.envelopes.Command;
import java.util.Optional;

/** Who sent a command: actors of accounts read {@code account:<id>}. */
final class Actors {

  private static final String ACCOUNT = "account:";

  private Actors() {}

  /** Returns the actor of an account. */
  static String account(String accountId) {
    return ACCOUNT + accountId;
  }

  /** Returns the account id of an actor, or empty for anyone else (anonymous, system). */
  static Optional<String> accountId(String actor) {
    return actor.startsWith(ACCOUNT) && actor.length() > ACCOUNT.length()
        ? Optional.of(actor.substring(ACCOUNT.length()))
        : Optional.empty();
  }

  /** Tells whether the command comes from the provider that decides it. */
  static boolean isProvider(Command command) {
    return command.actor().equals(account(command.key()));
  }

  /** Refuses a command that does not come from the provider that decides it. */
  static void requireProvider(Command command) {
    if (!isProvider(command)) {
      throw Refusal.forbidden(
          command.type() + " is for the provider itself (" + account(command.key()) + ")");
    }
  }
}
