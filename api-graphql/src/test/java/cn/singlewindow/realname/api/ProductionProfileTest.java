package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.messages.card.Bank;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as deployed: profile {@code postgres} on a PostgreSQL it did not start, no sandbox. Introspection,
 * GraphiQL and the sandbox operations are not there; the API itself is.
 */
// Closed after this class, while its database (stopped by its own JVM hook at exit) is still up.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.shutdown=immediate", "spring.lifecycle.timeout-per-shutdown-phase=5s",
        "db-scheduler.shutdown-max-wait=1s",
        // As a deployment sets it (SPRING_PROFILES_ACTIVE or the command line): known before configuration loads.
        "spring.profiles.active=postgres",
        "realname.bootstrap.operations.username=operations", "realname.bootstrap.operations.password=Ops-production-1",
        "realname.providers.registry.base-url=http://127.0.0.1:9/registry",
        "realname.providers.ctid.base-url=http://127.0.0.1:9/ctid",
        "realname.providers.bank-card.base-url=http://127.0.0.1:9/bank-card",
        "realname.providers.sms.base-url=http://127.0.0.1:9/sms"})
class ProductionProfileTest {

    private static EmbeddedPostgres postgres;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void externalDatabaseAndKeys(DynamicPropertyRegistry registry) throws IOException {
        Path dir = TestDirectories.create("realname-production-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("realname.data-dir", () -> dir.toString());
        SelfSigned.Identity platform = SelfSigned.create("Single Window platform", false, Instant.now());
        registry.add("realname.bank-ukey.platform-key", () -> write(dir, "platform.key",
                Pem.write(platform.keys().getPrivate())));
        registry.add("realname.bank-ukey.platform-certificate", () -> write(dir, "platform.pem",
                Pem.write(platform.certificate())));
        for (Bank bank : Bank.values()) {
            SelfSigned.Identity identity = SelfSigned.create(bank.name(), false, Instant.now());
            registry.add("realname.bank-ukey.banks." + bank.name() + ".certificate", () -> write(dir,
                    bank.name() + ".pem", Pem.write(identity.certificate())));
            registry.add("realname.bank-ukey.banks." + bank.name() + ".url", () -> "https://bank.invalid/"
                    + bank.name());
        }
    }

    private static String write(Path dir, String name, String pem) {
        try {
            return "file:" + Files.writeString(dir.resolve(name), pem);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void introspection_graphiql_and_sandbox_operations_are_off_and_the_api_answers() throws Exception {
        GraphQlApi api = new GraphQlApi(port);
        api.anonymous().document("query { __schema { queryType { name } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        api.anonymous().document("query { sandboxCaptchaAnswer(captchaId: \"x\") }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code",
                                "VALIDATION_FAILED")));
        api.anonymous().document("query { captcha { id } }").execute().path("captcha.id").hasValue();
        HttpResponse<String> graphiql = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/graphiql")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).isIn(401, 404);
    }

    @Test
    void a_new_store_starts_the_projection_with_two_segments_for_two_nodes() {
        JdbcTemplate external = new JdbcTemplate(postgres.getPostgresDatabase());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(external.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'enterprise-directory'", Integer.class))
                .isEqualTo(2));
    }
}
