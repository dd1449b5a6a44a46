package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.messages.card.Bank;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service started as the image starts it: the Dockerfile's environment and entry-point arguments, nothing else
 * of this machine's. Without a deployment's settings it stops before doing anything, naming each one; with them it
 * runs without a single sandbox bean, account, table or operation, and believes X-Forwarded-For only from the
 * proxies it was told to trust.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsTheImageRunsTest {


    private static Path dir;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void database() throws IOException {
        dir = TestDirectories.create("realname-image-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        postgres.close();
    }

    @Test
    void without_a_deployments_settings_it_names_each_one_and_starts_nothing(CapturedOutput output) {
        Map<String, String> environment = ImageDefinition.environment();
        environment.put("REALNAME_DATA_DIR", dir.resolve("bare").toString());

        assertThatThrownBy(() -> start(environment)).isNotNull();

        String report = output.getOut() + output.getErr();
        assertThat(report).contains("APPLICATION FAILED TO START", "spring.datasource.url: missing",
                "realname.providers.registry.base-url: missing", "realname.providers.sms.base-url: missing",
                "realname.bank-ukey.return-url-base: missing", "realname.bank-ukey.platform-key: missing",
                "realname.bank-ukey.banks.cmbc.certificate: missing", "realname.card.trust-anchors: missing",
                "realname.card.crls: missing");
        assertThat(report).as("a report, not a stack trace").doesNotContain("\tat cn.singlewindow")
                .doesNotContain("Embedded PostgreSQL on port").doesNotContain("SANDBOX");
        assertThat(dir.resolve("bare")).as("no database started, no key made").doesNotExist();
    }

    @Test
    void with_them_no_sandbox_bean_account_table_or_operation_exists(CapturedOutput output) throws Exception {
        int port = running();
        GraphQlApi api = new GraphQlApi(port);

        List<String> sandboxBeans = new ArrayList<>();
        for (String name : service.getBeanDefinitionNames()) {
            Class<?> type = service.getType(name);
            if (type == null) {
                continue;
            }
            Class<?> user = AopUtils.isAopProxy(type) ? AopUtils.getTargetClass(service.getBean(name)) : type;
            Profile profile = AnnotatedElementUtils.findMergedAnnotation(user, Profile.class);
            boolean sandboxOnly = profile != null && Arrays.asList(profile.value()).contains("sandbox");
            if (sandboxOnly || user.getName().contains(".sandbox.") || user.getSimpleName().startsWith("Sandbox")) {
                sandboxBeans.add(name + " (" + user.getName() + ")");
            }
        }
        assertThat(sandboxBeans).isEmpty();
        assertThat(output.getOut()).doesNotContain("SANDBOX");

        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        assertThat(database.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name LIKE"
                + " 'sandbox%'", String.class)).as("sandbox tables").isEmpty();
        assertThat(database.queryForObject("SELECT count(*) FROM account_credential", Integer.class))
                .as("accounts: none until an operator configures the first").isZero();

        api.anonymous().document("query { __schema { queryType { name } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        api.anonymous().document("query { sandboxCaptchaAnswer(captchaId: \"x\") }").execute().errors()
                .satisfy(code("VALIDATION_FAILED"));
        api.anonymous().document("query { captcha { id } }").execute().path("captcha.id").hasValue();
        HttpResponse<String> graphiql = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphiql")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).isIn(401, 404);
        HttpResponse<String> sandboxBank = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/sandbox/bank/CCB")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sandboxBank.statusCode()).isEqualTo(404);
    }

    @Test
    void x_forwarded_for_from_a_proxy_it_does_not_trust_is_ignored() throws Exception {
        GraphQlApi api = new GraphQlApi(running());
        // An allowance of 20 anonymous operations a minute per address (set below). Each request claims another
        // address, but all come from 127.0.0.1, which is not the trusted proxy: they share one allowance.
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            api.anonymous().mutate().header("X-Forwarded-For", "203.0.113." + i).build()
                    .document("query { captcha { id } }").execute().errors().satisfy(errors -> errors.forEach(
                            error -> codes.add(String.valueOf(error.getExtensions().get("code")))));
        }
        assertThat(codes).contains("TOO_MANY_ATTEMPTS");
    }

    @Test
    void a_new_store_starts_the_projection_with_two_segments_for_two_nodes() throws Exception {
        running();
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(database.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'enterprise-directory'", Integer.class))
                .isEqualTo(2));
    }

    /** The service with a deployment's settings, started once for the tests that need it; answers its port. */
    private static synchronized int running() throws Exception {
        if (service == null) {
            Map<String, String> environment = ImageDefinition.environment();
            environment.putAll(deploymentSettings());
            service = start(environment);
        }
        return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static Map<String, String> deploymentSettings() {
        Map<String, String> settings = Deployments.settings(dir, postgres.getJdbcUrl("postgres", "postgres"),
                "http://127.0.0.1:9");
        // Trusted: a proxy that is not this test.
        settings.put("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "10\\.9\\.9\\.9");
        settings.put("REALNAME_HTTP_ANONYMOUS_PER_ADDRESS_PER_MINUTE", "20");
        return settings;
    }

    private static ConfigurableApplicationContext start(Map<String, String> environment) {
        return Deployments.start(environment, ImageDefinition.entryPointArguments());
    }
}
