package app.fixmo.testkit;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Hands tests a {@link KafkaBroker}, a {@link RedisInstance}, their class's {@link TestNamespace}
 * and a {@link TopicProbe}, as parameters of constructors, lifecycle methods and test methods.
 * Register it with {@link WithKafkaAndRedis}.
 *
 * <p>One broker and one Redis serve every test class of the JVM. Each starts on first use and
 * closes when the whole run ends. Each top-level class gets its own namespace, and a {@code Nested}
 * class shares its outer class's. A broker or Redis that a test left stopped is restarted after
 * that test.
 *
 * <p>The broker runs inside the JVM unless the environment variable {@value BrokerKind#VARIABLE},
 * or the JUnit configuration parameter {@value #KIND_PARAMETER} which wins over it, says {@code
 * testcontainers}. Without Docker, classes using this extension are then skipped, with the reason,
 * not failed.
 *
 * <p>Logging: Logback does not share a {@code logback-test.xml} across modules. Each module puts
 * this in its {@code src/test/resources/logback-test.xml}, and may add its own loggers after the
 * include:
 *
 * <pre>{@code
 * <configuration>
 *   <include resource="fixmo-test-logback.xml"/>
 * </configuration>
 * }</pre>
 */
public final class Infrastructure
    implements ExecutionCondition, ParameterResolver, AfterEachCallback {

  /** The JUnit configuration parameter choosing the broker; it wins over the environment. */
  public static final String KIND_PARAMETER = "fixmo.test.kafka";

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
  private static final Namespace STORE = Namespace.create(Infrastructure.class);
  private static final Set<Class<?>> INJECTED =
      Set.of(KafkaBroker.class, RedisInstance.class, TestNamespace.class, TopicProbe.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    BrokerPlan plan = plan(context);
    return plan.unavailableBecause()
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("Kafka broker: " + plan.kind()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaBroker.class) {
      return broker(context);
    }
    if (type == RedisInstance.class) {
      return redis(context);
    }
    if (type == TestNamespace.class) {
      return namespace(context);
    }
    return probe(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Store shared = shared(context);
    KafkaBroker broker = shared.get(KafkaBroker.class, KafkaBroker.class);
    if (broker != null && broker.supportsRestart() && !broker.isRunning()) {
      log.warn("{} left the Kafka broker stopped; restarting it", context.getDisplayName());
      broker.restart();
    }
    RedisInstance redis = shared.get(RedisInstance.class, RedisInstance.class);
    if (redis != null && !redis.isRunning()) {
      log.warn("{} left Redis stopped; restarting it", context.getDisplayName());
      redis.restart();
    }
  }

  private static KafkaBroker broker(ExtensionContext context) {
    BrokerPlan plan = plan(context);
    return shared(context)
        .getOrComputeIfAbsent(KafkaBroker.class, k -> plan.start(), KafkaBroker.class);
  }

  private static RedisInstance redis(ExtensionContext context) {
    return shared(context)
        .getOrComputeIfAbsent(
            RedisInstance.class, k -> EmbeddedRedisInstance.start(), RedisInstance.class);
  }

  private static TestNamespace namespace(ExtensionContext context) {
    String owner = outermost(context.getRequiredTestClass()).getName();
    return shared(context)
        .getOrComputeIfAbsent(
            "namespace:" + owner, k -> TestNamespace.unique(), TestNamespace.class);
  }

  // The probe holds a producer, so it lives in the class's store and closes with the class.
  private static TopicProbe probe(ExtensionContext context) {
    KafkaBroker broker = broker(context);
    TestNamespace namespace = namespace(context);
    return classContext(context)
        .getStore(STORE)
        .getOrComputeIfAbsent(
            TopicProbe.class, k -> TopicProbe.of(broker, namespace), TopicProbe.class);
  }

  private static BrokerPlan plan(ExtensionContext context) {
    return shared(context)
        .getOrComputeIfAbsent(
            BrokerPlan.class,
            k -> BrokerPlan.of(environment(context), Infrastructure::dockerAnswers),
            BrokerPlan.class);
  }

  private static Map<String, String> environment(ExtensionContext context) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    context
        .getConfigurationParameter(KIND_PARAMETER)
        .ifPresent(kind -> environment.put(BrokerKind.VARIABLE, kind));
    return environment;
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      log.debug("Docker check failed", e);
      return false;
    }
  }

  // Values in the root store live for the whole run; AutoCloseable ones close at its end.
  private static Store shared(ExtensionContext context) {
    return context.getRoot().getStore(STORE);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static Class<?> outermost(Class<?> testClass) {
    Class<?> current = testClass;
    while (current.isMemberClass() && !Modifier.isStatic(current.getModifiers())) {
      current = current.getEnclosingClass();
    }
    return current;
  }
}
