package app.fixmo.schemas.providers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The trades FixMo lists providers under. The wire name is lower case, words joined by '-'. */
public enum Category {
  PLUMBING,
  ELECTRICAL,
  AIRCON,
  CARPENTRY,
  MASONRY,
  PAINTING,
  WELDING,
  TILING,
  APPLIANCE_REPAIR;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the wire name; anything else is refused with the list of known names. */
  @JsonCreator
  public static Category fromWire(String value) {
    for (Category category : values()) {
      if (category.wireName().equals(value)) {
        return category;
      }
    }
    throw new IllegalArgumentException("must be one of " + String.join(", ", wireNames()));
  }

  /** Returns every wire name, in declaration order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Category::wireName).toList();
  }
}
