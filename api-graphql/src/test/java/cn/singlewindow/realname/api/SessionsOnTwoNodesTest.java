package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.RealnameApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database, as a deployment runs them: a session ended through one node stops working on the
 * other too, as soon as the database's notification reaches it (well within a second here).
 */
class SessionsOnTwoNodesTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(1);
    private static EmbeddedPostgres postgres;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    static void twoNodes() throws Exception {
        Path dir = TestDirectories.create("realname-two-nodes-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        for (String name : List.of("a", "b")) {
            // On the command line: above the configuration files, as a deployment's settings are.
            nodes.add(new SpringApplicationBuilder(RealnameApplication.class).run(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.profiles.active=sandbox",
                    "--realname.sandbox.on-external-database=true",
                    "--realname.data-dir=" + dir.resolve(name),
                    "--server.port=0",
                    "--realname.security.token-secret=" + Base64.getEncoder().encodeToString(secret),
                    "--realname.privacy.master-key=" + Base64.getEncoder().encodeToString(master),
                    "--realname.http.anonymous.per-address-per-minute=1000000",
                    "--server.shutdown=immediate"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        nodes.forEach(ConfigurableApplicationContext::close);
        postgres.close();
    }

    private static int port(int node) {
        return Integer.parseInt(nodes.get(node).getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static int status(int node, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(node) + "/graphql")).header("Content-Type",
                                "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_logout_through_one_node_ends_the_session_on_the_other() throws Exception {
        GraphQlApi onA = new GraphQlApi(port(0));
        GraphQlApi onB = new GraphQlApi(port(1));
        String username = onA.registerPersonal("孙七");
        String token = onA.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);
        String other = onA.tokenOf(username, GraphQlApi.PERSONAL_PASSWORD);
        assertThat(status(0, token)).isEqualTo(200);
        assertThat(status(1, token)).isEqualTo(200);

        onB.as(token).documentName("logout").execute().path("logout").entity(Boolean.class).isEqualTo(true);
        long ended = System.nanoTime();
        assertThat(status(1, token)).as("on the node that ended it, at once").isEqualTo(401);
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(5)).untilAsserted(
                () -> assertThat(status(0, token)).isEqualTo(401));
        System.out.printf("session ended on the other node within %d ms%n", (System.nanoTime() - ended) / 1_000_000);
        assertThat(status(0, other)).isEqualTo(200);

        onA.as(other).documentName("changePassword").variable("input", Map.of("currentPassword",
                GraphQlApi.PERSONAL_PASSWORD, "newPassword", "Two-nodes-passw0rd")).execute()
                .path("changePassword").entity(Boolean.class).isEqualTo(true);
        String third = onB.tokenOf(username, "Two-nodes-passw0rd");
        assertThat(status(1, other)).isEqualTo(200);
        assertThat(status(0, third)).isEqualTo(200);
    }
}
