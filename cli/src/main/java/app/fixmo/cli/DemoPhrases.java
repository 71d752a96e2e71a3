package app.fixmo.cli;

import java.util.List;
import java.util.Map;

/** What demo customers write: addresses in their city, notes for the provider, reviews. */
final class DemoPhrases {

  private static final Map<String, List<String>> ADDRESSES =
      Map.of(
          "Manila",
          List.of(
              "1420 Mabini St., Malate, Manila",
              "315 Nicanor Reyes St., Sampaloc, Manila",
              "57 Ongpin St., Binondo, Manila"),
          "Cebu",
          List.of(
              "12 Gorordo Ave., Lahug, Cebu City",
              "45 Banilad Rd., Banilad, Cebu City",
              "7 Osmena Blvd., Capitol Site, Cebu City"),
          "Davao",
          List.of(
              "21 Quimpo Blvd., Matina, Davao City",
              "118 J.P. Laurel Ave., Bajada, Davao City",
              "9 Buhangin Rd., Buhangin, Davao City"));

  private static final List<String> NOTES =
      List.of(
          "Please call when you reach the gate.",
          "Third floor, no elevator. Parking on the street.",
          "The dog is friendly. Ring twice.",
          "Please bring your own ladder.");

  private static final Map<Integer, List<String>> COMMENTS =
      Map.of(
          5,
          List.of(
              "Arrived on time and fixed it fast. Highly recommended!",
              "Very neat work and cleaned up after. Salamat po!",
              "Explained everything clearly; the price was fair.",
              "Excellent work, will book again."),
          4,
          List.of(
              "Good work; came a bit late but called ahead.",
              "Solid job, had to buy one extra part.",
              "Friendly and careful. Would book again."),
          3,
          List.of(
              "Job done, but it took longer than quoted.",
              "Okay work; I had to ask for the cleanup.",
              "Fixed it, though the first visit was moved."));

  private DemoPhrases() {}

  /** Returns an address in a demo city. */
  static String address(String city, int variant) {
    List<String> addresses = ADDRESSES.get(city);
    return addresses.get(variant % addresses.size());
  }

  /** Returns a note for the provider. */
  static String notes(int variant) {
    return NOTES.get(variant % NOTES.size());
  }

  /** Returns a review comment that fits a rating of 3 to 5. */
  static String comment(int rating, int variant) {
    List<String> comments = COMMENTS.get(rating);
    return comments.get(variant % comments.size());
  }
}
