package cn.singlewindow.realname.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.limits.HttpSettings;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeySettings;
import cn.singlewindow.realname.messages.card.Bank;
import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.certification.providers.ProviderSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Settings are bound with their defaults, and a value out of range stops the start with the key named. */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({HttpSettings.class, CertificationPolicy.class, ProviderSettings.class,
            BankUkeySettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void unset_keys_take_their_defaults_and_set_ones_are_bound() {
        context.withPropertyValues("realname.http.anonymous.per-address-per-minute=8",
                        "REALNAME_PROVIDERS_REGISTRY_RETRIES=3")
                .run(started -> {
                    HttpSettings http = started.getBean(HttpSettings.class);
                    assertThat(http.maxWaiting()).isEqualTo(100);
                    assertThat(http.queueTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(http.anonymous().perAddressPerMinute()).isEqualTo(8);
                    assertThat(http.anonymous().maxRootFields()).isEqualTo(2);
                    assertThat(started.getBean(CertificationPolicy.class).attemptIdleTimeout())
                            .isEqualTo(Duration.ofMinutes(30));
                    assertThat(started.getBean(ProviderSettings.class).registry().readTimeout())
                            .isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void a_value_out_of_range_stops_the_start_naming_the_key() {
        context.withPropertyValues("realname.http.max-waiting=-1").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realname.http.max-waiting")
                        .hasMessageContaining("greater than or equal to 0"));
        context.withPropertyValues("realname.http.anonymous.max-root-fields=0").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("realname.http")
                        .hasMessageContaining("anonymous.maxRootFields"));
    }

    @Test
    void a_value_of_the_wrong_kind_stops_the_start_naming_the_key() {
        context.withPropertyValues("realname.certification.legal-rep-level=TOP").run(started ->
                assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("realname.certification.legal-rep-level"));
    }

    @Test
    void each_banks_settings_bind_from_environment_variables_as_compose_gives_them() {
        context.withInitializer(started -> started.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("REALNAME_BANK_UKEY_BANKS_CCB_CERTIFICATE", "file:/keys/CCB.pem",
                                        "REALNAME_BANK_UKEY_BANKS_CCB_URL", "https://ccb.example.cn/ukey",
                                        "REALNAME_BANK_UKEY_BANKS_CMBC_URL", "https://cmbc.example.cn/ukey"))))
                .run(started -> {
                    BankUkeySettings.Banks banks = started.getBean(BankUkeySettings.class).banks();
                    assertThat(banks.of(Bank.CCB)).isEqualTo(new BankUkeySettings.BankEndpoint(
                            "file:/keys/CCB.pem", "https://ccb.example.cn/ukey"));
                    assertThat(banks.of(Bank.CMBC).url()).isEqualTo("https://cmbc.example.cn/ukey");
                    assertThat(banks.of(Bank.ABC)).isEqualTo(new BankUkeySettings.BankEndpoint(null, null));
                });
    }
}
