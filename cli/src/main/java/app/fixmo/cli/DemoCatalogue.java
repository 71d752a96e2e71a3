package app.fixmo.cli;

import static app.fixmo.schemas.providers.Category.AIRCON;
import static app.fixmo.schemas.providers.Category.APPLIANCE_REPAIR;
import static app.fixmo.schemas.providers.Category.CARPENTRY;
import static app.fixmo.schemas.providers.Category.ELECTRICAL;
import static app.fixmo.schemas.providers.Category.MASONRY;
import static app.fixmo.schemas.providers.Category.PAINTING;
import static app.fixmo.schemas.providers.Category.PLUMBING;
import static app.fixmo.schemas.providers.Category.TILING;
import static app.fixmo.schemas.providers.Category.WELDING;

import app.fixmo.schemas.providers.Category;
import java.util.List;

/**
 * Who the demo marketplace holds: providers of every category in Manila, Cebu and Davao, and a few
 * customers. Fixed data, so every run of {@code fixmo dev} shows the same marketplace.
 */
final class DemoCatalogue {

  static final String PASSWORD = "fixmo-demo-1";

  private DemoCatalogue() {}

  /** An account to register. */
  record Person(String email, String name, String city) {}

  /** A provider: its account, its public profile and which weekly hours it keeps. */
  record Provider(
      Person account, String displayName, String bio, List<Category> categories, DemoHours hours) {

    String email() {
      return account.email();
    }
  }

  static final List<Person> CUSTOMERS =
      List.of(
          new Person("ana@fixmo.test", "Ana Reyes", "Manila"),
          new Person("paolo.mercado@fixmo.test", "Paolo Mercado", "Manila"),
          new Person("kristine.lopez@fixmo.test", "Kristine Lopez", "Cebu"),
          new Person("dennis.yap@fixmo.test", "Dennis Yap", "Cebu"),
          new Person("mae.soriano@fixmo.test", "Mae Soriano", "Davao"),
          new Person("carlo.estrada@fixmo.test", "Carlo Estrada", "Davao"));

  static final List<Provider> PROVIDERS =
      List.of(
          provider(
              "ben@fixmo.test",
              "Ben Cruz",
              "Manila",
              "Cruz Plumbing Services",
              "Licensed plumber, 12 years in Sampaloc and Quiapo. Leaks, clogs, new lines;"
                  + " I clean up after myself.",
              DemoHours.MON_SAT,
              PLUMBING,
              TILING),
          provider(
              "ramon.villanueva@fixmo.test",
              "Ramon Villanueva",
              "Manila",
              "Villanueva Electric",
              "Registered master electrician. Rewiring, breakers and lighting for homes and"
                  + " small shops.",
              DemoHours.MON_SAT,
              ELECTRICAL),
          provider(
              "jun.bautista@fixmo.test",
              "Jun Bautista",
              "Manila",
              "CoolBreeze Aircon Care",
              "Window and split-type aircon cleaning, repair and freon top-up. Same-week visits.",
              DemoHours.TUE_SUN,
              AIRCON,
              APPLIANCE_REPAIR),
          provider(
              "dodong.garcia@fixmo.test",
              "Rodolfo Garcia",
              "Manila",
              "Garcia Woodworks",
              "Cabinets, doors and built-in shelves made to measure. Narra and marine plywood.",
              DemoHours.WEEKDAYS_HALF_SAT,
              CARPENTRY),
          provider(
              "nestor.mendoza@fixmo.test",
              "Nestor Mendoza",
              "Manila",
              "Mendoza Masonry",
              "Hollow-block walls, plastering and small extensions. Free look at the site.",
              DemoHours.MON_SAT,
              MASONRY,
              TILING),
          provider(
              "liza.aquino@fixmo.test",
              "Liza Aquino",
              "Manila",
              "Aquino Paint Pros",
              "Interior and exterior painting with a crew of three. Boysen and Davies paints.",
              DemoHours.MON_SAT,
              PAINTING),
          provider(
              "efren.torres@fixmo.test",
              "Efren Torres",
              "Manila",
              "Torres Welding Shop",
              "Gates, grills and window guards. Shop work or on site with a portable welder.",
              DemoHours.WEEKDAYS_HALF_SAT,
              WELDING),
          provider(
              "rey.domingo@fixmo.test",
              "Rey Domingo",
              "Manila",
              "Domingo Tile & Stone",
              "Floor and wall tiles, bathroom retiling, grout repair. Neat lines guaranteed.",
              DemoHours.MON_SAT,
              TILING),
          provider(
              "mylene.castillo@fixmo.test",
              "Mylene Castillo",
              "Manila",
              "FixIt Appliance Clinic",
              "Washing machines, refrigerators and rice cookers repaired at home or in the clinic.",
              DemoHours.TUE_SUN,
              APPLIANCE_REPAIR),
          provider(
              "arnel.ramos@fixmo.test",
              "Arnel Ramos",
              "Manila",
              "Ramos Plumbing & Drainage",
              "Drain declogging, septic line checks and pump installation around Tondo.",
              DemoHours.MON_SAT,
              PLUMBING),
          provider(
              "joel.pascual@fixmo.test",
              "Joel Pascual",
              "Manila",
              "Pascual Handyman",
              "Small fixes done right: faucets, cabinet hinges, loose doors.",
              DemoHours.WEEKDAYS_HALF_SAT,
              PLUMBING,
              CARPENTRY),
          provider(
              "carla@fixmo.test",
              "Carla Santos",
              "Cebu",
              "Santos Electrical Works",
              "Licensed electrician in Cebu City and Mandaue. Safe wiring, clear quotes.",
              DemoHours.MON_SAT,
              ELECTRICAL,
              APPLIANCE_REPAIR),
          provider(
              "bong.alcantara@fixmo.test",
              "Bong Alcantara",
              "Cebu",
              "Alcantara Plumbing",
              "Pipes, faucets and water tanks. Twenty years in Lahug and Banilad.",
              DemoHours.MON_SAT,
              PLUMBING),
          provider(
              "eduardo.ocampo@fixmo.test",
              "Eduardo Ocampo",
              "Cebu",
              "Ocampo Drain & Pipe",
              "Blocked drains and burst pipes; I bring a camera to find the leak first.",
              DemoHours.TUE_SUN,
              PLUMBING),
          provider(
              "randy.flores@fixmo.test",
              "Randy Flores",
              "Cebu",
              "Flores Aircon Cebu",
              "Aircon cleaning and repair, all brands. Inverter units welcome.",
              DemoHours.MON_SAT,
              AIRCON),
          provider(
              "teodoro.lim@fixmo.test",
              "Teodoro Lim",
              "Cebu",
              "Lim Furniture & Carpentry",
              "Furniture repair and kitchen cabinets, from a family shop since 1988.",
              DemoHours.WEEKDAYS_HALF_SAT,
              CARPENTRY),
          provider(
              "gilbert.navarro@fixmo.test",
              "Gilbert Navarro",
              "Cebu",
              "Navarro Builders",
              "Concrete, block walls and fences; small renovations with a permit when needed.",
              DemoHours.MON_SAT,
              MASONRY),
          provider(
              "jenny.uy@fixmo.test",
              "Jenny Uy",
              "Cebu",
              "Uy Colors Painting",
              "Painting for condos and houses, colour advice included.",
              DemoHours.MON_SAT,
              PAINTING),
          provider(
              "ricardo.sarmiento@fixmo.test",
              "Ricardo Sarmiento",
              "Cebu",
              "Sarmiento Metal Works",
              "Steel gates, railings and roof trusses. Certified welder.",
              DemoHours.WEEKDAYS_HALF_SAT,
              WELDING),
          provider(
              "nonoy.cabrera@fixmo.test",
              "Nonoy Cabrera",
              "Cebu",
              "Cabrera Tiling",
              "Tiles for floors, kitchens and pools; leveling and waterproofing too.",
              DemoHours.MON_SAT,
              TILING,
              MASONRY),
          provider(
              "vince.gonzaga@fixmo.test",
              "Vince Gonzaga",
              "Cebu",
              "Gonzaga Appliance Repair",
              "Refrigerators, washers and aircon units; parts sourced the same day.",
              DemoHours.TUE_SUN,
              APPLIANCE_REPAIR,
              AIRCON),
          provider(
              "rowena.delrosario@fixmo.test",
              "Rowena Del Rosario",
              "Davao",
              "Del Rosario Plumbing",
              "Plumbing for homes in Matina and Buhangin. On time, or the visit is free.",
              DemoHours.MON_SAT,
              PLUMBING),
          provider(
              "alvin.tan@fixmo.test",
              "Alvin Tan",
              "Davao",
              "Tan Electrical Services",
              "Wiring, outlets, breakers and aircon power lines. PEC-compliant work.",
              DemoHours.MON_SAT,
              ELECTRICAL,
              AIRCON),
          provider(
              "marlon.dizon@fixmo.test",
              "Marlon Dizon",
              "Davao",
              "Dizon Cooling",
              "Aircon cleaning and installation; chemical wash for split types.",
              DemoHours.TUE_SUN,
              AIRCON),
          provider(
              "pedro.manalo@fixmo.test",
              "Pedro Manalo",
              "Davao",
              "Manalo Carpentry",
              "Doors, jalousies, cabinets and ceiling repairs; painting on request.",
              DemoHours.WEEKDAYS_HALF_SAT,
              CARPENTRY,
              PAINTING),
          provider(
              "ernesto.panganiban@fixmo.test",
              "Ernesto Panganiban",
              "Davao",
              "Panganiban Masonry",
              "Block walls, plastering and concrete repair. Small jobs welcome.",
              DemoHours.MON_SAT,
              MASONRY),
          provider(
              "grace.morales@fixmo.test",
              "Grace Morales",
              "Davao",
              "Morales Painting Co.",
              "Clean, careful painting for homes and offices; furniture covered and moved back.",
              DemoHours.MON_SAT,
              PAINTING),
          provider(
              "danilo.salazar@fixmo.test",
              "Danilo Salazar",
              "Davao",
              "Salazar Welding",
              "Grills, gates and steel stairs, built in the shop and fitted on site.",
              DemoHours.WEEKDAYS_HALF_SAT,
              WELDING),
          provider(
              "ariel.fernandez@fixmo.test",
              "Ariel Fernandez",
              "Davao",
              "Fernandez Tiles",
              "Bathroom and kitchen tiling, regrouting and tile replacement.",
              DemoHours.MON_SAT,
              TILING),
          provider(
              "luz.manalastas@fixmo.test",
              "Luz Manalastas",
              "Davao",
              "Manalastas Appliance Care",
              "Appliance repair and small electrical jobs: fans, ovens, washing machines.",
              DemoHours.TUE_SUN,
              APPLIANCE_REPAIR,
              ELECTRICAL));

  private static Provider provider(
      String email,
      String name,
      String city,
      String displayName,
      String bio,
      DemoHours hours,
      Category... categories) {
    return new Provider(
        new Person(email, name, city), displayName, bio, List.of(categories), hours);
  }
}
