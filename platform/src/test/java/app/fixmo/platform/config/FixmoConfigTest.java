package app.fixmo.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixmoConfigTest {

  @Test
  void defaultsFitOneMachine() {
    FixmoConfig config = FixmoConfig.from(Map.of());

    assertThat(config.get(Settings.HTTP_PORT)).isEqualTo(8080);
    assertThat(config.get(Settings.KAFKA_BOOTSTRAP)).isEqualTo("127.0.0.1:9092");
    assertThat(config.namespace()).isEmpty();
    assertThat(config.isSet(Settings.KAFKA_BOOTSTRAP)).isFalse();
  }

  @Test
  void badValueFailsStartUpNamingTheVariable() {
    assertThatThrownBy(() -> FixmoConfig.from(Map.of("FIXMO_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "bad configuration: FIXMO_HTTP_PORT='eighty' is invalid: "
                + "must be a whole number from 0 to 65535");
  }

  @Test
  void everyBadValueIsReportedTogether() {
    var environment =
        Map.of("FIXMO_REDIS_URL", "localhost", "FIXMO_KAFKA_BOOTSTRAP", "no port here");

    assertThatThrownBy(() -> FixmoConfig.from(environment))
        .hasMessageContaining("FIXMO_REDIS_URL='localhost' is invalid")
        .hasMessageContaining("FIXMO_KAFKA_BOOTSTRAP='no port here' is invalid");
  }

  @Test
  void namespaceScopesNames() {
    FixmoConfig config = FixmoConfig.from(Map.of("FIXMO_NAMESPACE", "t7"));

    assertThat(config.scoped("fixmo-projector")).isEqualTo("t7.fixmo-projector");
  }

  @Test
  void trustedProxiesMatchByPrefix() throws Exception {
    FixmoConfig config = FixmoConfig.from(Map.of("FIXMO_TRUSTED_PROXIES", "10.1.0.0/16, ::1"));
    var proxies = config.get(Settings.TRUSTED_PROXIES);

    assertThat(proxies.get(0).contains(InetAddress.getByName("10.1.200.3"))).isTrue();
    assertThat(proxies.get(0).contains(InetAddress.getByName("10.2.0.1"))).isFalse();
    assertThat(proxies.get(1).contains(InetAddress.getByName("::1"))).isTrue();
  }

  @Test
  void readmeConfigurationTableIsTheOneTheSettingsPrint() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains(Settings.markdownTable());
  }
}
