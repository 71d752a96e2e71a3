package app.fixmo.platform.health;

/** One dependency a service needs to do its work. */
public interface HealthCheck {

  /** Returns the check's name in health reports, for example {@code kafka}. */
  String name();

  /** Returns normally when the dependency answers; throws saying why when it does not. */
  void probe() throws Exception;
}
