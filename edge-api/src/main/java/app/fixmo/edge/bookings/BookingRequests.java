package app.fixmo.edge.bookings;

import app.fixmo.schemas.json.Fields;
import app.fixmo.schemas.providers.ProviderCommands;
import java.time.Instant;

/** The bodies clients send to the booking routes, checked field by field as they are read. */
final class BookingRequests {

  private BookingRequests() {}

  /** {@code POST /api/bookings}. */
  record Book(String providerId, String listingId, Instant start, String address, String notes) {

    Book {
      Fields.text(providerId, "providerId", 100);
      new ProviderCommands.RequestBooking(listingId, start, address, notes);
    }

    /** Returns the payload of the command, which goes to the provider named here. */
    ProviderCommands.RequestBooking payload() {
      return new ProviderCommands.RequestBooking(listingId, start, address, notes);
    }
  }

  /** {@code POST /api/bookings/{id}/cancel}. */
  record Cancel(String reason) {

    Cancel {
      Fields.text(reason, "reason", 500);
    }
  }

  /** {@code POST /api/bookings/{id}/review}; the rating is boxed so a missing one is named. */
  record Review(Integer rating, String comment) {

    Review {
      Fields.required(rating, "rating");
      Fields.between(rating, "rating", 1, 5);
      Fields.optionalText(comment, "comment", 2000);
    }
  }

  /** The body of a lifecycle move, when a client sends one: {@code {}}, nothing in it. */
  record NoFields() {}
}
