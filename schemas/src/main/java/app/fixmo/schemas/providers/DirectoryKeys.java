package app.fixmo.schemas.providers;

import java.util.Locale;

/** How the directory names one list: a category and a city, the city compared without case. */
public final class DirectoryKeys {

  private DirectoryKeys() {}

  /** Returns the list key, for example {@code plumbing|quezon city}. */
  public static String listKey(Category category, String city) {
    return category.wireName() + "|" + normalCity(city);
  }

  /** Returns a city as lists compare it: trimmed, inner spaces collapsed, lower case. */
  public static String normalCity(String city) {
    return city.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
