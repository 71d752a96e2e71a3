package app.fixmo.workers.mail;

import app.fixmo.platform.views.ViewStore;
import app.fixmo.schemas.accounts.AccountViews;
import app.fixmo.schemas.envelopes.ViewDocument;
import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.providers.ProviderViews;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Looks up who a mail goes to in the view cache: the booking mail payloads carry account ids only,
 * so an address is read when the mail is sent, never copied into a job.
 *
 * <p>Only the fields a mail needs are read from a document, so a document that grows new fields
 * does not stop the mails.
 */
final class AccountDirectory {

  private final ViewStore views;

  AccountDirectory(ViewStore views) {
    this.views = views;
  }

  /** Returns both parties of a booking, and the provider's display name when its page has one. */
  BookingParties partiesOf(BookingMail mail) throws MissingDocument {
    return new BookingParties(
        party(mail.customerId()), party(mail.providerId()), business(mail.providerId()));
  }

  /**
   * Returns an account.
   *
   * @throws MissingDocument when the account view holds no such account: the attempt fails and the
   *     queue retries it
   */
  Party party(String accountId) throws MissingDocument {
    ViewDocument document =
        views
            .read(AccountViews.ACCOUNT, accountId)
            .orElseThrow(() -> new MissingDocument(AccountViews.ACCOUNT, accountId));
    JsonNode account = document.body();
    return new Party(accountId, account.path("email").asText(), account.path("name").asText());
  }

  private String business(String providerId) {
    return views
        .read(ProviderViews.PROVIDER_PAGE, providerId)
        .map(page -> page.body().path("displayName").asText(null))
        .orElse(null);
  }
}
