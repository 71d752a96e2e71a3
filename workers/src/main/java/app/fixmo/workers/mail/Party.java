package app.fixmo.workers.mail;

/** An account as a mail needs it: who it is, where mail reaches it, and what to call it. */
record Party(String accountId, String email, String name) {}
