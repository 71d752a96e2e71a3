package app.fixmo.platform.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of one process, read once at start-up from the environment and checked whole:
 * every bad value is reported together, each naming its variable.
 */
public final class FixmoConfig {

  private final Map<Setting<?>, Object> values;
  private final Map<String, String> environment;

  private FixmoConfig(Map<Setting<?>, Object> values, Map<String, String> environment) {
    this.values = values;
    this.environment = environment;
  }

  /** Reads the process environment. */
  public static FixmoConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads a given environment (tests, `fixmo dev`); absent keys take their defaults. */
  public static FixmoConfig from(Map<String, String> environment) {
    Map<Setting<?>, Object> values = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : Settings.ALL) {
      try {
        values.put(setting, setting.read(environment));
      } catch (ConfigException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("bad configuration: " + String.join("; ", problems));
    }
    return new FixmoConfig(Map.copyOf(values), Map.copyOf(environment));
  }

  /** Returns a copy with some variables changed. */
  public FixmoConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(overrides);
    return from(merged);
  }

  /** Returns the value of a setting. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** Tells whether the environment set a variable explicitly. */
  public boolean isSet(Setting<?> setting) {
    String text = environment.get(setting.env());
    return text != null && !text.isBlank();
  }

  /** Returns the namespace prefix (empty in production). */
  public String namespace() {
    return get(Settings.NAMESPACE);
  }

  /** Returns a name within the namespace, for consumer groups, application ids, Redis keys. */
  public String scoped(String name) {
    String namespace = namespace();
    return namespace.isEmpty() ? name : namespace + "." + name;
  }
}
