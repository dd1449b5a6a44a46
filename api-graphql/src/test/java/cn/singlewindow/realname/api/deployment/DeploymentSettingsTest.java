package cn.singlewindow.realname.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DeploymentSettingsTest {

    @TempDir
    Path dir;

    private static List<String> properties(MockEnvironment environment) {
        return DeploymentSettings.problems(environment).stream().map(UnusableSettings.Problem::property).toList();
    }

    @Test
    void a_sandbox_on_its_embedded_database_needs_nothing() {
        MockEnvironment sandbox = new MockEnvironment();
        sandbox.setActiveProfiles("sandbox");
        assertThat(DeploymentSettings.problems(sandbox)).isEmpty();
    }

    @Test
    void a_sandbox_on_a_database_of_its_own_is_refused_unless_asked_for_by_name() {
        MockEnvironment withUrl = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x");
        withUrl.setActiveProfiles("sandbox");
        assertThat(DeploymentSettings.problems(withUrl)).singleElement().satisfies(problem -> {
            assertThat(problem.property()).isEqualTo("spring.profiles.active");
            assertThat(problem.what()).contains("spring.datasource.url", "realname.sandbox.on-external-database");
        });
        MockEnvironment withProfile = new MockEnvironment();
        withProfile.setActiveProfiles("postgres", "sandbox");
        assertThat(properties(withProfile)).containsExactly("spring.profiles.active");

        withUrl.setProperty("realname.sandbox.on-external-database", "true");
        assertThat(DeploymentSettings.problems(withUrl)).isEmpty();
    }

    @Test
    void outside_the_sandbox_every_missing_setting_is_named_at_once() {
        MockEnvironment deployment = new MockEnvironment();
        deployment.setActiveProfiles("postgres");
        assertThat(properties(deployment)).contains("spring.datasource.url", "realname.providers.registry.base-url",
                "realname.providers.ctid.base-url", "realname.providers.bank-card.base-url",
                "realname.providers.sms.base-url", "realname.bank-ukey.return-url-base",
                "realname.bank-ukey.platform-key", "realname.bank-ukey.platform-certificate",
                "realname.bank-ukey.banks.ccb.certificate", "realname.bank-ukey.banks.abc.url",
                "realname.card.trust-anchors", "realname.card.crls").hasSize(16);
    }

    @Test
    void settings_that_are_there_but_unusable_are_named_too() throws IOException {
        MockEnvironment deployment = complete();
        assertThat(DeploymentSettings.problems(deployment)).isEmpty();

        deployment.setProperty("realname.providers.sms.base-url", "sms.example.cn/send");
        deployment.setProperty("realname.bank-ukey.return-url-base", "ftp://realname.example.cn");
        deployment.setProperty("realname.card.crls", "file:" + dir.resolve("ca.crl.pem") + ",file:" + dir.resolve("gone"));
        deployment.setProperty("realname.bank-ukey.platform-key", "file:" + dir.resolve("missing.key"));
        assertThat(DeploymentSettings.problems(deployment)).extracting(UnusableSettings.Problem::toString)
                .containsExactlyInAnyOrder(
                        "realname.providers.sms.base-url not an absolute http(s) address: sms.example.cn/send",
                        "realname.bank-ukey.return-url-base not an absolute http(s) address: ftp://realname.example.cn",
                        "realname.card.crls cannot be read: file:" + dir.resolve("gone"),
                        "realname.bank-ukey.platform-key cannot be read: file:" + dir.resolve("missing.key"));
    }

    @Test
    void crls_may_be_left_out_only_where_they_are_declared_not_required() throws IOException {
        MockEnvironment deployment = complete();
        deployment.setProperty("realname.card.crls", "");
        assertThat(properties(deployment)).containsExactly("realname.card.crls");
        deployment.setProperty("realname.card.crl-required", "false");
        assertThat(DeploymentSettings.problems(deployment)).isEmpty();
    }

    private MockEnvironment complete() throws IOException {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/realname")
                .withProperty("realname.bank-ukey.return-url-base", "https://realname.example.cn")
                .withProperty("realname.bank-ukey.platform-key", file("platform.key"))
                .withProperty("realname.bank-ukey.platform-certificate", file("platform.pem"))
                .withProperty("realname.card.trust-anchors", file("ca.pem") + ", " + file("other-ca.pem"))
                .withProperty("realname.card.crls", file("ca.crl.pem"));
        for (String provider : List.of("registry", "ctid", "bank-card", "sms")) {
            environment.setProperty("realname.providers." + provider + ".base-url", "https://" + provider + ".example.cn");
        }
        for (Bank bank : Bank.values()) {
            String prefix = "realname.bank-ukey.banks." + bank.name().toLowerCase(Locale.ROOT);
            environment.setProperty(prefix + ".certificate", file(bank + ".pem"));
            environment.setProperty(prefix + ".url", "https://bank.example.cn");
        }
        environment.setActiveProfiles("postgres");
        return environment;
    }

    private String file(String name) throws IOException {
        return "file:" + Files.writeString(dir.resolve(name), "-----BEGIN X-----");
    }
}
