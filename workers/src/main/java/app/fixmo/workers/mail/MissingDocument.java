package app.fixmo.workers.mail;

/**
 * A view document a mail needs is not in the cache (yet). Retriable: the job fails this attempt and
 * the queue tries again after its back-off, by when the projector has usually written it; a
 * document that never comes sends the job to the dead letters once its attempts run out.
 */
final class MissingDocument extends Exception {

  private static final long serialVersionUID = 1L;

  MissingDocument(String view, String id) {
    super("no " + view + " document " + id + " in the view cache yet");
  }
}
