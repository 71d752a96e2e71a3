package app.fixmo.edge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.json.Json;
import app.fixmo.schemas.json.SchemaViolation;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {

  @Test
  void submissionDefaultsToTheDefaultQueueAndAnEmptyPayload() {
    JobSubmission body = Json.read("{\"type\": \"diagnostics.noop\"}", JobSubmission.class);

    assertThat(body.queue()).isEqualTo("default");
    assertThat(body.payload().isObject()).isTrue();
    assertThat(body.payload().isEmpty()).isTrue();
  }

  @Test
  void submissionWithAPayloadThatIsNoObjectIsRefusedNamingIt() {
    assertThatThrownBy(() -> Json.read("{\"type\": \"t\", \"payload\": [1]}", JobSubmission.class))
        .isInstanceOf(SchemaViolation.class)
        .extracting(e -> ((SchemaViolation) e).field())
        .isEqualTo("payload");
  }
}
