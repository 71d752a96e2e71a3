package app.fixmo.workers.mail;

import app.fixmo.schemas.jobs.JobTypes.BookingMail;
import app.fixmo.schemas.jobs.JobTypes.MailRecipient;

/**
 * The two parties of a booking, as a mail about it names them.
 *
 * @param business the provider's display name from its page, or null when it has none
 */
record BookingParties(Party customer, Party provider, String business) {

  /** Returns the account the mail goes to. */
  Party recipient(BookingMail mail) {
    return mail.recipient() == MailRecipient.CUSTOMER ? customer : provider;
  }

  /** Returns the provider as a customer knows it: the business, and the person behind it. */
  String providerLabel() {
    if (business == null || business.isBlank() || business.equals(provider.name())) {
      return provider.name();
    }
    return business + " (" + provider.name() + ")";
  }
}
