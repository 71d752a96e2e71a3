package app.fixmo.edge.providers;

import app.fixmo.edge.http.ApiException;
import app.fixmo.schemas.envelopes.Problem;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One page of a list read from the cache: which page, from 1, and how many items a page holds.
 *
 * @param page the page, 1 or more
 * @param pageSize items per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record Paging(int page, int pageSize) {

  /** Items per page when the client names none. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The most items one page may hold. */
  public static final int MAX_PAGE_SIZE = 50;

  /** Reads the {@code page} and {@code pageSize} query parameters; 422 naming a bad one. */
  public static Paging of(Context ctx) {
    return of(ctx.queryParam("page"), ctx.queryParam("pageSize"));
  }

  /** Reads page and page size as sent, either absent; 422 naming the one that is wrong. */
  public static Paging of(String page, String pageSize) {
    int pageNumber = number(page, "page", Integer.MAX_VALUE, 1);
    int size = number(pageSize, "pageSize", MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
    return new Paging(pageNumber, size);
  }

  /** Returns this page's items out of the whole list; empty past its end. */
  public <T> List<T> slice(List<T> all) {
    long from = (long) (page - 1) * pageSize;
    if (from >= all.size()) {
      return List.of();
    }
    int to = (int) Math.min(all.size(), from + pageSize);
    return List.copyOf(all.subList((int) from, to));
  }

  /**
   * Returns a strong entity tag for this page of one version of a document. The id is
   * percent-encoded, because list keys hold spaces and any letter a city name has, and a tag may
   * hold neither.
   */
  public String etag(String view, String id, long version) {
    String encodedId = URLEncoder.encode(id, StandardCharsets.UTF_8);
    return "\"%s/%s@%d;page=%d;pageSize=%d\"".formatted(view, encodedId, version, page, pageSize);
  }

  private static int number(String text, String field, int max, int absent) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, with the same message as a number out of range
    }
    String range =
        max == Integer.MAX_VALUE ? "a whole number, 1 or more" : "a whole number from 1 to " + max;
    throw new ApiException(Problem.invalidField(field, "must be " + range));
  }
}
