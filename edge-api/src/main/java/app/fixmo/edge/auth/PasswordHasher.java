package app.fixmo.edge.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Hashes passwords with Argon2id at the edge, so no password ever reaches Kafka or Redis, and
 * checks a password against a stored hash in constant time.
 *
 * <p>Each hash or check holds its memory cost ({@code FIXMO_ARGON2_MEMORY_KIB}, 19 MiB by default)
 * while it runs; at most two per core run at once, and the rest wait their turn, so a burst of
 * logins cannot run the edge out of heap.
 */
public final class PasswordHasher {

  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private final Argon2Function function;
  private final Semaphore running = new Semaphore(2 * Runtime.getRuntime().availableProcessors());
  private final String decoyHash;

  public PasswordHasher(int memoryKib, int iterations) {
    this.function =
        Argon2Function.getInstance(memoryKib, iterations, PARALLELISM, HASH_BYTES, Argon2.ID);
    this.decoyHash = hash("decoy password that matches nothing");
  }

  /** Returns the PHC-format Argon2id hash of a password, with a fresh random salt. */
  public String hash(String password) {
    return bounded(
        () -> Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult());
  }

  /** Tells whether a password matches a stored hash. */
  public boolean matches(String password, String storedHash) {
    Argon2Function stored = Argon2Function.getInstanceFromHash(storedHash);
    return bounded(() -> Password.check(password, storedHash).with(stored));
  }

  /**
   * Spends the time a real check would, for an e-mail with no account, so the answer's timing does
   * not tell which e-mails are registered.
   */
  public void burnTime(String password) {
    matches(password, decoyHash);
  }

  private <T> T bounded(Supplier<T> work) {
    running.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      running.release();
    }
  }
}
