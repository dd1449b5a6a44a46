package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.deployment.StandInDeployment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml's service, started with exactly the environment compose gives it (over the image's), the
 * variables an operator sets in .env, and the keys compose mounts: profile postgres on a PostgreSQL this test started
 * as compose's postgres service would be, profile axonserver up to the connector (it dials the address compose names,
 * answered here by a socket that accepts and says nothing; the first operations account waits for it in the
 * background). It reaches ready, as the image's health check reports.
 * The only changes: compose's host names become this machine's addresses, the ports and data directory are the
 * test's own, and the console stays plain (see below).
 */
class ComposeEnvironmentTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path OPERATIONS_DOC = Path.of("..", "docs", "operations.md");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?:(:\\?|:-)([^}]*))?}");
    private static final String KEYS_IN_CONTAINER = "/run/realname/keys";

    private static Path dir;
    private static EmbeddedPostgres postgres;
    private static ServerSocket axonServer;
    private static final AtomicInteger AXON_SERVER_DIALS = new AtomicInteger();
    private static ConfigurableApplicationContext service;

    /** What an operator puts in .env. */
    private static final Map<String, String> DOT_ENV = Map.ofEntries(
            Map.entry("POSTGRES_PASSWORD", "compose-db-secret"),
            Map.entry("OPERATIONS_PASSWORD", "Ops-compose-2026"),
            Map.entry("TOKEN_SECRET", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0"),
            Map.entry("PRIVACY_MASTER_KEY", "bWFzdGVyLW1hc3Rlci1tYXN0ZXItbWFzdGVyLW1hc3Rlci0xMjM0"),
            Map.entry("REGISTRY_URL", "http://registry.example.cn"),
            Map.entry("CTID_URL", "http://ctid.example.cn"),
            Map.entry("BANK_CARD_URL", "http://bank-card.example.cn"),
            Map.entry("SMS_URL", "http://sms.example.cn"),
            Map.entry("PUBLIC_URL", "https://realname.example.cn"),
            Map.entry("CCB_UKEY_URL", "https://ukey.ccb.example.cn"),
            Map.entry("ABC_UKEY_URL", "https://ukey.abc.example.cn"),
            Map.entry("CMBC_UKEY_URL", "https://ukey.cmbc.example.cn"));

    @BeforeAll
    static void composeServices() throws IOException {
        dir = TestDirectories.create("realname-compose-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
        // What postgres:16 makes of POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD.
        Map<String, Object> database = service("postgres");
        Map<String, String> postgresEnvironment = substituted(environmentOf(database));
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE ROLE " + postgresEnvironment.get("POSTGRES_USER") + " LOGIN PASSWORD '"
                + postgresEnvironment.get("POSTGRES_PASSWORD") + "'");
        admin.execute("CREATE DATABASE " + postgresEnvironment.get("POSTGRES_DB") + " OWNER "
                + postgresEnvironment.get("POSTGRES_USER"));
        axonServer = new ServerSocket(0);
        Thread accepting = new Thread(() -> {
            while (!axonServer.isClosed()) {
                try {
                    Socket dialed = axonServer.accept();
                    AXON_SERVER_DIALS.incrementAndGet();
                    dialed.close();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "stand-in-axon-server");
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        axonServer.close();
        postgres.close();
    }

    @Test
    void every_required_variable_of_compose_is_in_the_operations_table_and_in_no_default() throws IOException {
        List<String> required = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(Files.readString(COMPOSE));
        while (variable.find()) {
            if (":?".equals(variable.group(2))) {
                required.add(variable.group(1));
            }
        }
        assertThat(required).as("secrets and addresses compose asks for").contains("POSTGRES_PASSWORD",
                "TOKEN_SECRET", "PRIVACY_MASTER_KEY", "REGISTRY_URL", "PUBLIC_URL", "CMBC_UKEY_URL");
        String operations = Files.readString(OPERATIONS_DOC);
        assertThat(required).allSatisfy(name -> assertThat(operations).contains("| `" + name + "` |"));
        assertThat(DOT_ENV).containsOnlyKeys(required.stream().distinct().toList());
        Map<String, String> withoutOne = new HashMap<>(DOT_ENV);
        withoutOne.remove("PUBLIC_URL");
        assertThatThrownBy(() -> substituted(environmentOf(service("realname")), withoutOne))
                .hasMessageContaining("set PUBLIC_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_service_starts_with_composes_environment_and_reports_ready() throws Exception {
        Map<String, Object> realname = service("realname");
        assertThat((List<String>) realname.get("volumes")).as("the keys compose mounts")
                .contains("./deploy/keys:" + KEYS_IN_CONTAINER + ":ro");
        Map<String, String> environment = ImageDefinition.environment();
        environment.putAll(substituted(environmentOf(realname)));
        environment.replaceAll((name, value) -> onThisMachine(value));
        environment.put("SERVER_PORT", "0");
        environment.put("MANAGEMENT_SERVER_PORT", "0");
        environment.put("REALNAME_DATA_DIR", dir.resolve("var").toString());
        // Compose's JSON console would switch this test JVM's logging for every test after it; JSON logs are
        // StructuredLogsTest's, in a JVM of its own.
        assertThat(environment.remove("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
        StandInDeployment.writeKeys(dir.resolve("keys"));

        service = Deployments.start(environment, ImageDefinition.entryPointArguments());

        String managementPort = service.getEnvironment().getRequiredProperty("local.management.port");
        await().atMost(Duration.ofSeconds(60)).until(() -> healthCheck(managementPort) == 0);
        assertThat(service.getEnvironment().getActiveProfiles()).containsExactly("postgres", "axonserver");
        await().atMost(Duration.ofSeconds(30)).until(() -> AXON_SERVER_DIALS.get() > 0);
        JdbcTemplate database = new JdbcTemplate(postgres.getDatabase("realname", "realname"));
        assertThat(database.queryForObject("SELECT tableowner FROM pg_tables WHERE tablename = 'webhook_delivery'",
                String.class)).as("migrated as compose's database user").isEqualTo("realname");
        assertThat(healthCheck(service.getEnvironment().getRequiredProperty("local.server.port")))
                .as("the service's own port has no probes without a session").isNotZero();
    }

    /** deploy/healthcheck.sh, as the image's HEALTHCHECK runs it, against that port: its exit code. */
    private static int healthCheck(String port) throws IOException, InterruptedException {
        ProcessBuilder check = new ProcessBuilder("bash", Path.of("..", "deploy", "healthcheck.sh").toString())
                .redirectErrorStream(true);
        check.environment().put("MANAGEMENT_SERVER_PORT", port);
        Process running = check.start();
        running.getInputStream().readAllBytes();
        return running.waitFor();
    }

    /** Compose's host names and mounts, as this machine reaches them. */
    private static String onThisMachine(String value) {
        return value.replace("//postgres:5432/", "//127.0.0.1:" + postgres.getPort() + "/")
                .replace("axonserver:8124", "127.0.0.1:" + axonServer.getLocalPort())
                .replace("file:" + KEYS_IN_CONTAINER + "/", "file:" + dir.resolve("keys") + "/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environmentOf(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service.get("environment")).forEach((name, value) ->
                environment.put(name, String.valueOf(value)));
        return environment;
    }

    private static Map<String, String> substituted(Map<String, String> environment) {
        return substituted(environment, DOT_ENV);
    }

    /** Compose's interpolation: ${NAME}, ${NAME:-default}, and ${NAME:?message}, which stops compose when unset. */
    private static Map<String, String> substituted(Map<String, String> environment, Map<String, String> dotEnv) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            Matcher variable = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                String given = dotEnv.get(variable.group(1));
                if ((given == null || given.isEmpty()) && ":?".equals(variable.group(2))) {
                    throw new IllegalStateException(variable.group(3));
                }
                String replacement = given == null || given.isEmpty()
                        ? (":-".equals(variable.group(2)) ? variable.group(3) : "") : given;
                variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(out);
            result.put(name, out.toString());
        });
        return result;
    }
}
