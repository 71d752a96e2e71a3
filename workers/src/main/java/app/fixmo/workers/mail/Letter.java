package app.fixmo.workers.mail;

/** What a mail says: its subject and its plain-text body. */
record Letter(String subject, String text) {}
