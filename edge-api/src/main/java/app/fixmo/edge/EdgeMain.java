package app.fixmo.edge;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.metrics.Metrics;
import app.fixmo.platform.service.ServiceRunner;
import java.time.Clock;

/** Runs the edge API as a process of its own. */
public final class EdgeMain {

  private EdgeMain() {}

  /** Starts the edge from the environment and runs it until SIGTERM. */
  public static void main(String[] args) {
    FixmoConfig config = FixmoConfig.fromEnvironment();
    ServiceRunner runner = new ServiceRunner("edge-api");
    runner.start(new EdgeService(config, Metrics.create("edge-api"), Clock.systemUTC()));
    runner.runUntilSignalled();
  }
}
