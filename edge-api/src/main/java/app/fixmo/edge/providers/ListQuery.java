package app.fixmo.edge.providers;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.providers.Category;
import io.javalin.http.Context;

/**
 * What {@code GET /api/providers} asks for: the providers of one category in one city, one page.
 *
 * @param city the city as sent, stripped; lists compare it without case
 */
record ListQuery(Category category, String city, Paging paging) {

  private static final int MAX_CITY = 100;

  /** Reads the query parameters; 422 naming the first that is missing or wrong. */
  static ListQuery of(Context ctx) {
    return of(
        ctx.queryParam("category"),
        ctx.queryParam("city"),
        ctx.queryParam("page"),
        ctx.queryParam("pageSize"));
  }

  /** Reads the query as sent; 422 naming the first parameter that is missing or wrong. */
  static ListQuery of(String category, String city, String page, String pageSize) {
    return new ListQuery(category(category), city(city), Paging.of(page, pageSize));
  }

  private static Category category(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("category", "is required");
    }
    try {
      return Category.fromWire(text.strip());
    } catch (IllegalArgumentException e) {
      throw invalid("category", e.getMessage());
    }
  }

  private static String city(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("city", "is required");
    }
    String city = text.strip();
    if (city.length() > MAX_CITY) {
      throw invalid("city", "must be at most " + MAX_CITY + " characters");
    }
    return city;
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(Problem.invalidField(field, message));
  }
}
