package app.fixmo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.schemas.jobs.DeadJob;
import app.fixmo.workers.deadletters.DeadLetterFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobsCommandTest {

  @Test
  void readsEveryFilterOption() {
    DeadLetterFilter filter =
        JobsCommand.filter(
            List.of(
                "--type",
                "mail.welcome",
                "--reason",
                "attempts-exhausted",
                "--job",
                "0191d6a0-0000-7000-8000-000000000001",
                "--since",
                "2026-12-01T00:00:00Z",
                "--dry-run"),
            true);

    assertThat(filter.type()).contains("mail.welcome");
    assertThat(filter.reason()).contains(DeadJob.Reason.ATTEMPTS_EXHAUSTED);
    assertThat(filter.jobId()).contains("0191d6a0-0000-7000-8000-000000000001");
    assertThat(filter.since()).contains(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void namesWhatIsWrongWithTheOptions() {
    assertThatThrownBy(() -> JobsCommand.filter(List.of("--reason", "tired"), false))
        .hasMessageContaining("--reason must be attempts-exhausted");
    assertThatThrownBy(() -> JobsCommand.filter(List.of("--since", "yesterday"), false))
        .hasMessageContaining("--since must be an instant");
    assertThatThrownBy(() -> JobsCommand.filter(List.of("--type"), false))
        .hasMessageContaining("--type needs a value");
    assertThatThrownBy(() -> JobsCommand.filter(List.of("--dry-run"), false))
        .hasMessageContaining("--dry-run belongs to 'jobs redrive'");
    assertThatThrownBy(() -> JobsCommand.filter(List.of("--force"), true))
        .hasMessageContaining("unknown option '--force'");
  }

  @Test
  void aBadCommandLineExitsWithTwoAndTheUsage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int status = Fixmo.run(new String[] {"jobs", "redrive", "--since", "soon"}, out);

    assertThat(status).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("--since must be an instant")
        .contains("jobs redrive [--type T]");
  }
}
