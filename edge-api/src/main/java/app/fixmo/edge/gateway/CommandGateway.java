package app.fixmo.edge.gateway;

import app.fixmo.platform.kafka.KafkaClients;
import app.fixmo.platform.requests.RequestStatus;
import app.fixmo.platform.requests.RequestStatusStore;
import app.fixmo.schemas.envelopes.Command;
import app.fixmo.schemas.envelopes.KafkaHeaders;
import app.fixmo.schemas.envelopes.Outcome.State;
import app.fixmo.schemas.envelopes.Problem;
import app.fixmo.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final Problem NOT_ACCEPTED =
      Problem.of(
          503,
          "unavailable",
          "Service unavailable",
          "the request was not accepted; it is safe to retry");

  private final Producer<String, Command> producer;
  private final KafkaClients kafka;
  private final RequestStatusStore statuses;
  private final Clock clock;
  private final Map<String, List<CompletableFuture<RequestStatus>>> waiting =
      new ConcurrentHashMap<>();
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
    CompletableFuture<RequestStatus> decision = listen(requestId);
    try {
      sendOrSettle(topic, command);
      return await(requestId, decision, wait);
    } finally {
      stopListening(requestId, decision);
    }
  }

  /**
   * Waits up to {@code wait} for the decision on a request that someone else sent, maybe another
   * edge; returns its status then, pending if undecided, or empty when the request is unknown.
   */
  public Optional<RequestStatus> await(String requestId, Duration wait) {
    CompletableFuture<RequestStatus> decision = listen(requestId);
    try {
      Optional<RequestStatus> known = statuses.read(requestId);
      if (known.isEmpty() || known.get().state() != State.PENDING) {
        return known;
      }
      return Optional.of(await(requestId, decision, wait));
    } finally {
      stopListening(requestId, decision);
    }
  }

  /**
   * Settles a claimed request that the edge decided itself, without sending it, so its status does
   * not stay pending.
   */
  public void settleUnsent(String requestId, String actor, Problem problem) {
    statuses.settle(
        new RequestStatus(
            requestId, State.REJECTED, problem.status(), null, problem, actor, clock.instant()));
  }

  // A request that never reached Kafka is settled as a 503, so that whoever waits for it (a repeat
  // with the same idempotency key) hears at once that it may retry.
  private void sendOrSettle(Topic<Command> topic, Command command) {
    try {
      send(topic, command);
    } catch (CommandNotAccepted e) {
      try {
        settleUnsent(command.requestId(), command.actor(), NOT_ACCEPTED);
      } catch (RuntimeException settling) {
        log.warn("could not settle the unsent request: {}", settling.toString());
      }
      throw e;
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

  // Several waiters may share a request id (a write and its repeats), so each has its own future;
  // adding, removing and waking all go through the map's per-key lock.
  private CompletableFuture<RequestStatus> listen(String requestId) {
    CompletableFuture<RequestStatus> decision = new CompletableFuture<>();
    waiting.compute(
        requestId,
        (id, futures) -> {
          List<CompletableFuture<RequestStatus>> all =
              futures == null ? new ArrayList<>() : futures;
          all.add(decision);
          return all;
        });
    return decision;
  }

  private void stopListening(String requestId, CompletableFuture<RequestStatus> decision) {
    waiting.computeIfPresent(
        requestId,
        (id, futures) -> {
          futures.remove(decision);
          return futures.isEmpty() ? null : futures;
        });
  }

  private void wake(RequestStatus status) {
    waiting.computeIfPresent(
        status.requestId(),
        (id, futures) -> {
          futures.forEach(decision -> decision.complete(status));
          return futures;
        });
  }

  @Override
  public void close() {
    if (listenerId >= 0) {
      statuses.removeListener(listenerId);
    }
    // Each list is changed only inside the map's compute functions; taking it out of the map
    // first means nothing else touches it while its waiters are cancelled.
    for (String requestId : List.copyOf(waiting.keySet())) {
      List<CompletableFuture<RequestStatus>> futures = waiting.remove(requestId);
      if (futures != null) {
        futures.forEach(future -> future.cancel(false));
      }
    }
  }

  /** Kafka did not take a command: nothing was accepted, the client may safely retry. */
  public static final class CommandNotAccepted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandNotAccepted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
