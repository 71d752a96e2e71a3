package app.fixmo.edge.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.fixmo.edge.http.ApiException;
import org.junit.jupiter.api.Test;

class ApiKeyGuardTest {

  private static final String KEY = "k3y-for-internal-callers";

  @Test
  void withoutAConfiguredKeyEveryoneIsForbidden() {
    ApiKeyGuard guard = new ApiKeyGuard("");

    assertThatThrownBy(() -> guard.admit(""))
        .isInstanceOf(ApiException.class)
        .hasMessage("the job routes are off: FIXMO_INTERNAL_API_KEY is not set")
        .extracting(e -> ((ApiException) e).problem().status())
        .isEqualTo(403);
  }

  @Test
  void missingOrWrongKeyIsUnauthorized() {
    ApiKeyGuard guard = new ApiKeyGuard(KEY);

    for (String offered : new String[] {null, "", KEY + "x", KEY.substring(1)}) {
      assertThatThrownBy(() -> guard.admit(offered))
          .extracting(e -> ((ApiException) e).problem().status())
          .isEqualTo(401);
    }
  }

  @Test
  void rightKeyIsAdmittedUnderAFingerprintThatDoesNotShowIt() {
    String caller = new ApiKeyGuard(KEY).admit(KEY);

    assertThat(caller).hasSize(16).doesNotContain(KEY);
  }
}
