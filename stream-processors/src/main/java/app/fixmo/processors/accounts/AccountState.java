package app.fixmo.processors.accounts;

import app.fixmo.schemas.accounts.AccountCommands;
import app.fixmo.schemas.accounts.AccountEvents;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.accounts.Role;
import app.fixmo.schemas.jobs.JobTypes;
import java.time.Instant;

/**
 * What the accounts processor keeps of one account, under its normalised e-mail.
 *
 * <p>Stored as strict JSON in the state store and its changelog topic. A component added later
 * reads as null from older records; a component removed or renamed makes older records unreadable,
 * so keep old components until the changelog has been rewritten.
 *
 * @param accountId the account's id: the id of the command that opened it
 * @param email the normalised e-mail address; also the store key
 * @param passwordHash Argon2id hash in PHC string form, as the edge made it
 * @param name the account holder's name
 * @param role customer or provider
 * @param city where the account holder is
 * @param version counts the changes, from 1; every view of the account carries it
 * @param changedAt when the latest change was decided
 */
public record AccountState(
    String accountId,
    String email,
    String passwordHash,
    String name,
    Role role,
    String city,
    long version,
    Instant changedAt) {

  /** Returns the state of an account a registration opens. */
  static AccountState opened(String accountId, AccountCommands.Register register, Instant at) {
    return new AccountState(
        accountId,
        register.email(),
        register.passwordHash(),
        register.name(),
        register.role(),
        register.city(),
        1,
        at);
  }

  AccountEvents.Registered registered() {
    return new AccountEvents.Registered(accountId, email, name, role, city);
  }

  AccountViews.Account accountView() {
    return new AccountViews.Account(accountId, email, name, role, city);
  }

  AccountViews.Credentials credentialsView() {
    return new AccountViews.Credentials(accountId, email, passwordHash);
  }

  JobTypes.WelcomeMail welcomeMail() {
    return new JobTypes.WelcomeMail(accountId, email, name);
  }
}
