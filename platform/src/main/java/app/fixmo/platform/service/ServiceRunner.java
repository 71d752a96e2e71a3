package app.fixmo.platform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the services of one process: starts them in order, and on SIGTERM or SIGINT stops them in
 * reverse order (so that, for example, a consumer stops before the client it writes with) and exits
 * with status 0.
 */
public final class ServiceRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

  private final String process;
  private final List<Service> started = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  public ServiceRunner(String process) {
    this.process = process;
  }

  /** Starts a service and remembers it for the stop; on failure stops what already runs. */
  public <S extends Service> S start(S service) {
    try {
      long began = System.nanoTime();
      service.start();
      started.add(service);
      log.info("{} started in {} ms", service.name(), (System.nanoTime() - began) / 1_000_000);
      return service;
    } catch (Exception e) {
      close();
      throw new IllegalStateException("could not start " + service.name(), e);
    }
  }

  /** Blocks until SIGTERM or SIGINT, then stops every service and exits the JVM with 0. */
  public void runUntilSignalled() {
    Signal.handle(new Signal("TERM"), signal -> stopped.countDown());
    Signal.handle(new Signal("INT"), signal -> stopped.countDown());
    log.info("{} running; SIGTERM or Ctrl-C stops it", process);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
    log.info("{} stopped", process);
    System.exit(0);
  }

  /** Stops every started service, newest first; a failure to stop one does not stop the rest. */
  @Override
  public synchronized void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Service service = started.get(i);
      try {
        service.close();
        log.info("{} stopped", service.name());
      } catch (RuntimeException e) {
        log.warn("{} did not stop cleanly: {}", service.name(), e.toString());
      }
    }
    started.clear();
  }
}
