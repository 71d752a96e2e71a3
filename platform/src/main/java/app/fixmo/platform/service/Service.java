package app.fixmo.platform.service;

/** A part of a process that starts, runs in the background, and stops on request. */
public interface Service extends AutoCloseable {

  /** Returns the name used in logs. */
  String name();

  /** Starts the service; returns once it does its work. */
  void start() throws Exception;

  /** Stops the service, finishing or handing back the work in hand. */
  @Override
  void close();
}
