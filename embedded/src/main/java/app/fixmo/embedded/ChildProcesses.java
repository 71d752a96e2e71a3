package app.fixmo.embedded;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the child processes this JVM started, and destroys those still alive when it exits.
 *
 * <p>A JVM killed with SIGKILL runs no shutdown hook; its children then outlive it.
 */
final class ChildProcesses {

  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ChildProcesses::destroyAll, "fixmo-child-processes"));
  }

  private ChildProcesses() {}

  /** Remembers a process so that it dies with the JVM. */
  static void track(Process process) {
    ALIVE.add(process);
  }

  /** Forgets a process that was stopped on purpose. */
  static void forget(Process process) {
    ALIVE.remove(process);
  }

  private static void destroyAll() {
    ALIVE.forEach(Process::destroyForcibly);
  }
}
