package app.fixmo.workers.jobs;

import app.fixmo.platform.config.FixmoConfig;
import app.fixmo.platform.redis.RedisClients;
import app.fixmo.schemas.envelopes.Job;
import app.fixmo.schemas.jobs.JobTypes;
import app.fixmo.schemas.json.Json;
import java.time.Clock;
import java.util.Map;
import org.redisson.api.RList;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Greets a new account. Until the mail jobs arrive, its effect is a record of the message it would
 * send, appended to the outbox list in Redis ({@code fixmo:<ns>:outbox}), so tests and developers
 * can see that the job ran and how often.
 */
public final class WelcomeMailHandler implements JobHandler {

  private static final Logger log = LoggerFactory.getLogger(WelcomeMailHandler.class);

  private final RList<String> outbox;
  private final Clock clock;

  public WelcomeMailHandler(RedissonClient redis, FixmoConfig config, Clock clock) {
    this.outbox = redis.getList(RedisClients.key(config, "outbox"), StringCodec.INSTANCE);
    this.clock = clock;
  }

  @Override
  public String type() {
    return JobTypes.WELCOME_MAIL;
  }

  @Override
  public void handle(Job job) {
    var mail = job.payloadAs(JobTypes.WelcomeMail.class);
    Map<String, String> message =
        Map.of(
            "jobId", job.id().toString(),
            "to", mail.email(),
            "subject", "Welcome to FixMo, " + mail.name(),
            "at", clock.instant().toString());
    outbox.add(Json.toText(message));
    log.info("welcome mail recorded for account {}", mail.accountId());
  }
}
