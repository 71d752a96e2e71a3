package app.fixmo.platform.config;

/** A configuration value is wrong; the message names the variable and what would be right. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
