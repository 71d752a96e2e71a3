package app.fixmo.platform.config;

import java.util.function.Function;

/**
 * One configuration key, declared once: its environment variable, its default, how its text becomes
 * a value (rejecting what is wrong), and one line saying what it does.
 *
 * @param env the environment variable, its unit at the end of the name where it has one
 * @param defaultText the default, as it would be written in the environment
 * @param parser turns text into a value; throws {@link IllegalArgumentException} saying what a
 *     right value looks like
 * @param description one line for operators; the README table is made from it
 */
public record Setting<T>(
    String env, String defaultText, Function<String, T> parser, String description) {

  /** Reads the setting from an environment, or its default; fails naming the variable. */
  public T read(java.util.Map<String, String> environment) {
    String text = environment.getOrDefault(env, defaultText);
    try {
      return parser.apply(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(env + "='" + text + "' is invalid: " + e.getMessage());
    }
  }
}
