package app.fixmo.edge.gateway;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.platform.requests.RequestStatusStore;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands to Kafka and waits, bounded, for the processor's decision.
 *
 * <p>A command counts as accepted once every in-sync replica has it (the producer is idempotent
 * with acks=all); only then may the client hear 201, 200 or 202. The decision comes back through
 * Redis pub/sub, which the gateway listens to once for the whole process; a waiter is registered
 * before the command is sent, so a fast decision cannot be missed.
 */
public final class CommandGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandGateway.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, Command> producer;
  private final KafkaClients kafka;
  private final RequestStatusStore statuses;
  private final Clock clock;
  private final Map<String, CompletableFuture<RequestStatus>> waiting = new ConcurrentHashMap<>();
  private int listenerId = -1;

  public CommandGateway(
      Producer<String, Command> producer,
      KafkaClients kafka,
      RequestStatusStore statuses,
      Clock clock) {
    this.producer = producer;
    this.kafka = kafka;
    this.statuses = statuses;
    this.clock = clock;
  }

  /** Starts listening for decisions. */
  public void start() {
    listenerId = statuses.onDecided(this::wake);
  }

  /**
   * Claims a request id for a new write: records it as pending, owned by the actor. Returns false
   * when the id is already taken (a client reused its {@code X-Request-Id}).
   */
  public boolean claim(String requestId, String actor) {
    return statuses.markPending(RequestStatus.pending(requestId, actor, clock.instant()));
  }

  /**
   * Sends a command and waits up to {@code wait} for its decision; returns the pending status when
   * none came in time. Throws {@link CommandNotAccepted} when Kafka did not take it.
   */
  public RequestStatus submit(Topic<Command> topic, Command command, Duration wait) {
    String requestId = command.requestId();
    CompletableFuture<RequestStatus> decision = new CompletableFuture<>();
    waiting.put(requestId, decision);
    try {
      send(topic, command);
      return await(requestId, decision, wait);
    } finally {
      waiting.remove(requestId, decision);
    }
  }

  private void send(Topic<Command> topic, Command command) {
    var record = new ProducerRecord<>(kafka.name(topic), command.key(), command);
    KafkaHeaders.stamp(
        record.headers(), command.type(), command.requestId(), command.traceparent());
    try {
      RecordMetadata sent =
          producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      log.info(
          "command {} sent to {}-{}@{} key={}",
          command.type(),
          sent.topic(),
          sent.partition(),
          sent.offset(),
          command.key());
    } catch (ExecutionException | TimeoutException e) {
      throw new CommandNotAccepted("Kafka did not accept the command: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandNotAccepted("interrupted while sending the command", e);
    }
  }

  private RequestStatus await(
      String requestId, CompletableFuture<RequestStatus> decision, Duration wait) {
    if (!wait.isZero()) {
      try {
        return decision.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        log.info("no decision within {} ms; answering 202", wait.toMillis());
      } catch (ExecutionException e) {
        throw new IllegalStateException("waiting for the decision failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return statuses.read(requestId).orElseThrow(() -> lostPending(requestId));
  }

  private static IllegalStateException lostPending(String requestId) {
    return new IllegalStateException("request " + requestId + " has no status in Redis");
  }

  private void wake(RequestStatus status) {
    CompletableFuture<RequestStatus> decision = waiting.get(status.requestId());
    if (decision != null) {
      decision.complete(status);
    }
  }

  @Override
  public void close() {
    if (listenerId >= 0) {
      statuses.removeListener(listenerId);
    }
    waiting.values().forEach(future -> future.cancel(false));
  }

  /** Kafka did not take a command: nothing was accepted, the client may safely retry. */
  public static final class CommandNotAccepted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandNotAccepted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
