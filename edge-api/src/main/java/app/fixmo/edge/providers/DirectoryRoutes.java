package app.fixmo.edge.providers;

import app.fixmo.edge.http.ApiException;
import app.fixmo.platform.views.ViewStore;
import app.fixmo.platform.views.ViewStore.Served;
import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.DirectoryKeys;
import app.fixmo.schemas.providers.ProviderViews;
import app.fixmo.schemas.providers.ProviderViews.CategoryCount;
import app.fixmo.schemas.providers.ProviderViews.CategoryCounts;
import app.fixmo.schemas.providers.ProviderViews.ProviderCard;
import app.fixmo.schemas.providers.ProviderViews.ProviderList;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The directory, open to anyone: categories with their counts, the providers of a category in a
 * city, and a provider's page. Every answer is one cache read; the page is served as stored.
 */
public final class DirectoryRoutes {

  /** Parsed lists kept in memory; one entry per list version, so a hot list is parsed once. */
  private static final int PARSED_LISTS = 1_000;

  private static final byte[] NO_COUNTS = Json.toBytes(zeroCounts());
  private static final String NO_COUNTS_ETAG =
      "\"" + ProviderViews.CATEGORIES + "/" + ProviderViews.ALL + "@0\"";

  private final ViewStore views;
  private final Cache<String, ProviderList> lists =
      Caffeine.newBuilder().maximumSize(PARSED_LISTS).build();

  public DirectoryRoutes(ViewStore views) {
    this.views = views;
  }

  /**
   * One page of a list, as {@code GET /api/providers} answers it.
   *
   * @param total how many providers the whole list holds
   * @param city the city's display name, as providers wrote it
   */
  record ListPage(
      List<ProviderCard> items,
      int page,
      int pageSize,
      int total,
      Category category,
      String city) {}

  /** Registers the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/categories", this::categories);
    routes.get("/api/providers", this::providers);
    routes.get("/api/providers/{id}", this::providerPage);
  }

  private void categories(Context ctx) {
    Optional<Served> counts = views.serve(ProviderViews.CATEGORIES, ProviderViews.ALL);
    if (counts.isPresent()) {
      send(ctx, counts.get().json(), counts.get().etag());
    } else {
      send(ctx, NO_COUNTS, NO_COUNTS_ETAG);
    }
  }

  private void providers(Context ctx) {
    ListQuery query = ListQuery.of(ctx);
    String key = DirectoryKeys.listKey(query.category(), query.city());

    Optional<Served> served = views.serve(ProviderViews.PROVIDER_LIST, key);
    ProviderList list =
        served
            .map(this::parsed)
            .orElseGet(() -> new ProviderList(query.category(), query.city(), List.of()));
    long version = served.map(Served::version).orElse(0L);

    Paging paging = query.paging();
    ListPage page =
        new ListPage(
            paging.slice(list.items()),
            paging.page(),
            paging.pageSize(),
            list.items().size(),
            list.category(),
            list.city());
    send(ctx, Json.toBytes(page), paging.etag(ProviderViews.PROVIDER_LIST, key, version));
  }

  private ProviderList parsed(Served served) {
    return lists.get(served.etag(), etag -> Json.read(served.json(), ProviderList.class));
  }

  private void providerPage(Context ctx) {
    String id = ctx.pathParam("id");
    Served page =
        views
            .serve(ProviderViews.PROVIDER_PAGE, id)
            .orElseThrow(() -> ApiException.notFound("no provider " + id));
    send(ctx, page.json(), page.etag());
  }

  private static void send(Context ctx, byte[] json, String etag) {
    ctx.contentType("application/json");
    ctx.header("ETag", etag);
    ctx.result(json);
  }

  private static CategoryCounts zeroCounts() {
    return new CategoryCounts(
        Arrays.stream(Category.values())
            .map(category -> new CategoryCount(category, 0, new TreeMap<>()))
            .toList());
  }
}
