package app.fixmo.edge.idempotency;

/**
 * The request that first used an idempotency key, as kept in Redis.
 *
 * @param requestId its id, whose status holds the outcome every repeat answers with
 * @param fingerprint what it asked for (see {@link IdempotentWrite#fingerprint()})
 */
public record FirstRequest(String requestId, String fingerprint) {

  /** Checks that a repeat asks for the same thing; a 422 naming the header when it does not. */
  public void requireSameAs(IdempotentWrite repeat) {
    if (!fingerprint.equals(repeat.fingerprint())) {
      throw IdempotentWrite.usedWithAnotherRequest();
    }
  }
}
