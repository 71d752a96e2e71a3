package app.fixmo.cli;

import app.fixmo.schemas.providers.Category;
import app.fixmo.schemas.providers.ProviderCommands.CreateListing;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The listings demo providers publish: three typical jobs per category, each provider offering one
 * to three of them at its own price. Prices are in centavos.
 */
final class DemoOffers {

  private static final Map<Category, List<CreateListing>> JOBS = new EnumMap<>(Category.class);

  static {
    jobs(
        Category.PLUMBING,
        job(Category.PLUMBING, "Leak and clog repair", "Sinks, pipes and drains.", 500, 60),
        job(Category.PLUMBING, "Faucet and toilet installation", "Parts not included.", 1_200, 120),
        job(Category.PLUMBING, "Water heater installation", "Single-point heaters.", 2_500, 180));
    jobs(
        Category.ELECTRICAL,
        job(Category.ELECTRICAL, "Outlet and switch repair", "Up to three points.", 600, 60),
        job(Category.ELECTRICAL, "Lighting installation", "Ceiling lights and fans.", 1_500, 120),
        job(Category.ELECTRICAL, "Breaker panel check", "Load check and report.", 3_000, 180));
    jobs(
        Category.AIRCON,
        job(Category.AIRCON, "Window-type aircon cleaning", "Wash and check.", 800, 60),
        job(Category.AIRCON, "Split-type aircon cleaning", "Indoor and outdoor units.", 1_500, 120),
        job(Category.AIRCON, "Aircon installation", "Window or split type.", 3_500, 180));
    jobs(
        Category.CARPENTRY,
        job(Category.CARPENTRY, "Door and hinge repair", "Sagging or sticking doors.", 700, 60),
        job(Category.CARPENTRY, "Cabinet repair", "Hinges, shelves and drawers.", 1_500, 120),
        job(Category.CARPENTRY, "Built-in shelf", "Measured and built on site.", 4_000, 180));
    jobs(
        Category.MASONRY,
        job(Category.MASONRY, "Wall crack repair", "Patch and plaster.", 900, 60),
        job(Category.MASONRY, "Plastering", "Up to ten square meters.", 2_000, 120),
        job(Category.MASONRY, "Hollow-block wall", "Small partitions and fences.", 4_500, 180));
    jobs(
        Category.PAINTING,
        job(Category.PAINTING, "Touch-up painting", "One room, paint supplied by you.", 800, 60),
        job(Category.PAINTING, "Room repaint", "Walls and ceiling of one room.", 2_500, 180),
        job(Category.PAINTING, "Gate and grill painting", "Rust treatment first.", 1_500, 120));
    jobs(
        Category.WELDING,
        job(Category.WELDING, "Gate and grill repair", "On site welding.", 1_000, 60),
        job(Category.WELDING, "Window grill fabrication", "Per window, installed.", 3_000, 180),
        job(Category.WELDING, "Steel railing repair", "Stairs and balconies.", 1_800, 120));
    jobs(
        Category.TILING,
        job(Category.TILING, "Tile replacement", "Up to five broken tiles.", 700, 60),
        job(Category.TILING, "Regrouting", "Bathroom or kitchen.", 1_500, 120),
        job(Category.TILING, "Bathroom floor tiling", "Up to six square meters.", 4_000, 180));
    jobs(
        Category.APPLIANCE_REPAIR,
        job(Category.APPLIANCE_REPAIR, "Washing machine repair", "All brands.", 700, 60),
        job(Category.APPLIANCE_REPAIR, "Refrigerator repair", "No-cooling fixes.", 1_200, 120),
        job(Category.APPLIANCE_REPAIR, "Small appliance repair", "Fans, ovens, cookers.", 500, 60));
  }

  private DemoOffers() {}

  /**
   * Returns the listings of the provider at a place in the catalogue: one to three, the first of
   * its main category, priced up to forty percent above the base price.
   */
  static List<CreateListing> of(DemoCatalogue.Provider provider, int place) {
    List<CreateListing> listings = new ArrayList<>();
    List<Category> categories = provider.categories();
    int count = Math.max(categories.size(), 1 + place % 3);
    for (int i = 0; i < count; i++) {
      Category category = categories.get(i < categories.size() ? i : 0);
      List<CreateListing> jobs = JOBS.get(category);
      CreateListing job = jobs.get((place + i) % jobs.size());
      listings.add(priced(job, 100 + place % 5 * 10));
    }
    return listings.stream().distinct().toList();
  }

  private static CreateListing priced(CreateListing job, int percent) {
    long fiftyPesos = 5_000;
    long price = Math.round(job.priceFrom() * percent / 100.0 / fiftyPesos) * fiftyPesos;
    return new CreateListing(
        job.category(), job.title(), job.description(), price, job.durationMinutes());
  }

  private static void jobs(Category category, CreateListing... jobs) {
    JOBS.put(category, List.of(jobs));
  }

  private static CreateListing job(
      Category category, String title, String description, long pesos, int minutes) {
    return new CreateListing(category, title, description, pesos * 100, minutes);
  }
}
