package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.RealnameApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Downstream systems told of certifications, against a real local HTTP receiver that checks each delivery's signature
 * as the contract says: everything arrives, in order per enterprise, without personal data; a receiver down for a
 * while gets everything once it is back (a notice twice only with the same event id); what was committed before
 * the service stopped is delivered by the next start; and a delivery whose node was killed mid-send is sent again by
 * another node once its lease has passed, not before.
 */
class WebhooksTest {

    private static final String SECRET = "downstream-secret-0123456789";
    private static final String DEMO_PASSWORD = "Demo-pass1";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[0-9Xx]");
    private static final String[] ALL_TYPES = {"ENTERPRISE_CERTIFIED", "SECURITY_LEVEL_CHANGED",
            "CERTIFICATION_ATTEMPT_FINISHED", "OPERATOR_UPGRADE_REQUESTED", "OPERATOR_UPGRADE_DECIDED",
            "CORRECTION_CASE_DECIDED"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Receiver receiver;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        receiver = new Receiver();
        service = start(TestDirectories.create("realname-webhooks-"), true);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        receiver.server.stop(0);
    }

    @Test
    void a_certification_is_told_signed_in_order_and_without_personal_data() throws Exception {
        GraphQlApi api = new GraphQlApi(port(service));
        HttpGraphQlTester operations = api.asOperations();
        String webhook = register(operations, receiver.url("/certified"));

        assertThat(new JdbcTemplate(service.getBean(DataSource.class)).queryForObject(
                "SELECT secret FROM webhook WHERE webhook_id = ?", String.class, webhook))
                .as("the secret at rest").startsWith("v1:").doesNotContain(SECRET);
        String enterprise = seedOneCertifiedEnterprise(api);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/certified", enterprise).size() >= 3);
        List<Delivered> told = receiver.accepted("/certified", enterprise);
        assertThat(told).extracting(delivered -> delivered.json().path("eventType").asText()).startsWith(
                "CERTIFICATION_ATTEMPT_FINISHED", "SECURITY_LEVEL_CHANGED", "ENTERPRISE_CERTIFIED");
        for (Delivered delivered : told) {
            assertThat(verified(delivered)).as("signature of %s", delivered.body()).isTrue();
            assertThat(delivered.json().path("eventId").asText()).isEqualTo(delivered.eventId());
            assertThat(delivered.json().fieldNames()).toIterable()
                    .containsExactly("eventId", "eventType", "occurredAt", "enterpriseId", "data");
            assertThat(delivered.body()).doesNotContainPattern(ID_NUMBER).doesNotContain("Name");
        }
        assertThat(told.get(2).json().path("data").path("securityLevel").asText()).isEqualTo("MEDIUM");
        assertThat(service.getBean(MeterRegistry.class).get("realname.webhook.attempts").tag("outcome", "delivered")
                .counter().count()).isGreaterThanOrEqualTo(3);

        List<Map<String, Object>> log = operations.document("""
                        query d($id: ID!) { webhookDeliveries(webhookId: $id, first: 10) {
                            edges { node { eventId eventType state attempts lastStatus deliveredAt } } } }""")
                .variable("id", webhook).execute().path("webhookDeliveries.edges[*].node").entityList(Map.class)
                .get().stream().map(node -> (Map<String, Object>) node).toList();
        assertThat(log).isNotEmpty().allSatisfy(node -> assertThat(node)
                .containsEntry("state", "DELIVERED").containsEntry("lastStatus", "200"));
    }

    @Test
    void a_receiver_down_for_a_while_gets_everything_once_it_is_back() throws Exception {
        GraphQlApi api = new GraphQlApi(port(service));
        HttpGraphQlTester operations = api.asOperations();
        String webhook = register(operations, receiver.url("/flaky"));
        receiver.answer("/flaky", 503);

        String first = seedOneCertifiedEnterprise(api);
        String second = seedOneCertifiedEnterprise(api);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refusedCount("/flaky") >= 6);
        assertThat(pendingAttempts(operations, webhook)).as("retried while the receiver fails").anyMatch(n -> n >= 2);
        receiver.answer("/flaky", 200);

        for (String enterprise : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/flaky", enterprise).size() >= 3);
            List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(receiver.accepted("/flaky", enterprise)
                    .stream().map(delivered -> delivered.json().path("eventType").asText()).toList()));
            assertThat(firstArrivals).as("in order, once back").containsExactly("CERTIFICATION_ATTEMPT_FINISHED",
                    "SECURITY_LEVEL_CHANGED", "ENTERPRISE_CERTIFIED");
        }
        // A notice sent twice carries the same event id: the receiver's ids are the notices', no more.
        Set<String> ids = new LinkedHashSet<>();
        receiver.all("/flaky").forEach(delivered -> ids.add(delivered.eventId()));
        assertThat(ids).hasSize(6);
        assertThat(receiver.all("/flaky")).allSatisfy(delivered -> assertThat(verified(delivered)).isTrue());
    }

    @Test
    void a_disabled_webhook_is_given_nothing_new_and_a_resumed_one_goes_on_where_it_stopped() throws Exception {
        GraphQlApi api = new GraphQlApi(port(service));
        HttpGraphQlTester operations = api.asOperations();
        String webhook = register(operations, receiver.url("/paused"));
        String before = seedOneCertifiedEnterprise(api);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/paused", before).size() >= 3);

        receiver.answer("/paused", 503);
        String during = seedOneCertifiedEnterprise(api);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refusedCount("/paused") >= 1);
        setEnabled(operations, webhook, false);
        String whileDisabled = seedOneCertifiedEnterprise(api);
        receiver.answer("/paused", 200);
        Thread.sleep(2_000);
        assertThat(receiver.accepted("/paused", during)).as("pending deliveries wait").isEmpty();

        setEnabled(operations, webhook, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/paused", during).size() >= 3);
        assertThat(receiver.all("/paused")).as("nothing of what happened while it was disabled")
                .noneMatch(delivered -> delivered.json().path("enterpriseId").asText().equals(whileDisabled));
        operations.document("mutation e($input: SetWebhookEnabledInput!) { setWebhookEnabled(input: $input) { id } }")
                .variable("input", Map.of("webhookId", "no-such-webhook", "enabled", true)).execute().errors()
                .satisfy(GraphQlApi.code("NOT_FOUND"));
    }

    private static void setEnabled(HttpGraphQlTester operations, String webhook, boolean enabled) {
        operations.document("""
                        mutation e($input: SetWebhookEnabledInput!) { setWebhookEnabled(input: $input) { enabled } }""")
                .variable("input", Map.of("webhookId", webhook, "enabled", enabled)).execute()
                .path("setWebhookEnabled.enabled").entity(Boolean.class).isEqualTo(enabled);
    }

    @Test
    void what_was_committed_before_a_stop_is_delivered_by_the_next_start() throws Exception {
        Path dataDir = TestDirectories.create("realname-webhooks-restart-");
        String enterprise;
        // A node that stops before sending anything: committed, not delivered.
        try (ConfigurableApplicationContext first = start(dataDir, false)) {
            GraphQlApi api = new GraphQlApi(port(first));
            register(api.asOperations(), receiver.url("/restart"));
            enterprise = seedOneCertifiedEnterprise(api);
            Thread.sleep(2_000);
            assertThat(receiver.all("/restart")).isEmpty();
        }
        try (ConfigurableApplicationContext second = start(dataDir, true)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/restart", enterprise).size() >= 3);
            assertThat(receiver.accepted("/restart", enterprise)).allSatisfy(delivered ->
                    assertThat(verified(delivered)).isTrue());
        }
    }

    @Test
    void a_delivery_whose_node_was_killed_mid_send_is_sent_again_by_another_once_its_lease_has_passed()
            throws Exception {
        Path dir = TestDirectories.create("realname-webhooks-killed-");
        byte[] secret = new byte[32];
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(secret);
        new SecureRandom().nextBytes(master);
        // One delivery at a time, held by its node for (1 s + 25 s) x 1 + 5 s: longer than the second node's start.
        Duration lease = Duration.ofSeconds(31);
        receiver.hold("/killed");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start()) {
            List<String> shared = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.profiles.active=sandbox",
                    "--realname.sandbox.on-external-database=true", "--server.port=0",
                    "--realname.security.token-secret=" + Base64.getEncoder().encodeToString(secret),
                    "--realname.privacy.master-key=" + Base64.getEncoder().encodeToString(master),
                    "--realname.http.anonymous.per-address-per-minute=1000000",
                    "--realname.webhooks.poll-interval=100ms", "--realname.webhooks.batch-size=1",
                    "--realname.webhooks.senders=1", "--realname.webhooks.connect-timeout=1s",
                    "--realname.webhooks.read-timeout=25s", "--server.shutdown=immediate");
            String enterprise;
            Delivered held;
            try (ServiceProcess first = ServiceProcess.start(dir.resolve("first.log"),
                    with(shared, "--realname.data-dir=" + dir.resolve("first")))) {
                GraphQlApi api = new GraphQlApi(first.port());
                register(api.asOperations(), receiver.url("/killed"));
                enterprise = seedOneCertifiedEnterprise(api);
                held = await().atMost(Duration.ofSeconds(60)).until(() -> receiver.all("/killed"),
                        arrived -> !arrived.isEmpty()).get(0);
                first.kill();
            }
            Instant secondReady;
            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RealnameApplication.class)
                    .run(with(shared, "--realname.data-dir=" + dir.resolve("second")).toArray(String[]::new))) {
                secondReady = Instant.now();
                assertThat(secondReady).as("the second node is up before the lease ends, or the test shows nothing")
                        .isBefore(held.at().plus(lease).minusSeconds(2));
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted("/killed", enterprise).size() >= 3);
                List<Delivered> arrived = receiver.all("/killed");
                assertThat(arrived.get(1).eventId()).as("the killed node's delivery first, again")
                        .isEqualTo(held.eventId());
                assertThat(arrived.get(1).at()).as("not before the lease had passed")
                        .isAfter(held.at().plus(lease).minusSeconds(1));
                assertThat(arrived).allSatisfy(delivered -> assertThat(verified(delivered)).isTrue());
                Integer attempts = new JdbcTemplate(second.getBean(DataSource.class)).queryForObject("""
                        SELECT d.attempts FROM webhook_delivery d JOIN webhook_notice n ON n.position = d.position
                        WHERE n.event_id = ?""", Integer.class, held.eventId());
                assertThat(attempts).as("the killed node's attempt left no trace but its lease").isEqualTo(1);
            }
        } finally {
            receiver.release();
        }
    }

    private static List<String> with(List<String> arguments, String more) {
        List<String> all = new ArrayList<>(arguments);
        all.add(more);
        return all;
    }

    private static String register(HttpGraphQlTester operations, String url) {
        return operations.document("""
                        mutation r($input: RegisterWebhookInput!) { registerWebhook(input: $input) { id enabled } }""")
                .variable("input", Map.of("url", url, "eventTypes", List.of(ALL_TYPES), "secret", SECRET))
                .execute().path("registerWebhook.id").entity(String.class).get();
    }

    /** One demo enterprise, certified by the legal representative's method (the demo's first story). */
    private static String seedOneCertifiedEnterprise(GraphQlApi api) {
        HttpGraphQlTester operations = api.asOperations();
        String administrator = operations.document(
                        "mutation { sandboxSeedDemo(enterprises: 1) { certified administrators } }")
                .execute().path("sandboxSeedDemo.administrators[0]").entity(String.class).get();
        return api.as(api.tokenOf(administrator, DEMO_PASSWORD)).document("query { me { enterprise { id } } }")
                .execute().path("me.enterprise.id").entity(String.class).get();
    }

    private static List<Integer> pendingAttempts(HttpGraphQlTester operations, String webhook) {
        return operations.document("""
                        query d($id: ID!) { webhookDeliveries(webhookId: $id, first: 50) {
                            edges { node { state attempts } } } }""")
                .variable("id", webhook).execute().path("webhookDeliveries.edges[*].node.attempts")
                .entityList(Integer.class).get();
    }

    /** The receiver's check: HMAC-SHA256 of "t.body" under the shared secret, compared in constant time. */
    private static boolean verified(Delivered delivered) throws Exception {
        Matcher signature = SIGNATURE.matcher(delivered.signature());
        if (!signature.matches()) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((signature.group(1) + "." + delivered.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.group(2)));
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean deliver) {
        return new SpringApplicationBuilder(RealnameApplication.class).run("--server.port=0",
                "--realname.data-dir=" + dataDir, "--realname.webhooks.deliver=" + deliver,
                "--realname.webhooks.poll-interval=100ms", "--realname.webhooks.first-retry=200ms",
                "--realname.webhooks.max-retry-interval=1s",
                "--realname.http.anonymous.per-address-per-minute=1000000",
                "--realname.login.max-failures-per-address=1000000", "--server.shutdown=immediate",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s", "--db-scheduler.shutdown-max-wait=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** What the receiver was sent; {@code status} 0 for a request it held and never answered. */
    record Delivered(String path, String eventId, String signature, String body, int status, JsonNode json,
                     Instant at) {
    }

    /** A downstream system: records every POST and answers each path with the status it is told to. */
    static final class Receiver {

        final HttpServer server;
        final List<Delivered> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final CountDownLatch released = new CountDownLatch(1);

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            // A held request must not hold the others back.
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean hold = held.remove(path);
                int status = hold ? 0 : answers.computeIfAbsent(path, any -> new AtomicInteger(200)).get();
                received.add(new Delivered(path, exchange.getRequestHeaders().getFirst("X-Realname-Event-Id"),
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-Realname-Signature")), body, status,
                        JSON.readTree(body), Instant.now()));
                if (hold) {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        /** The next request to {@code path} is never answered (until {@link #release()}). */
        void hold(String path) {
            held.add(path);
        }

        void release() {
            released.countDown();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void answer(String path, int status) {
            answers.computeIfAbsent(path, any -> new AtomicInteger()).set(status);
        }

        List<Delivered> all(String path) {
            return received.stream().filter(delivered -> delivered.path().equals(path)).toList();
        }

        List<Delivered> accepted(String path, String enterprise) {
            return all(path).stream().filter(delivered -> delivered.status() == 200
                    && delivered.json().path("enterpriseId").asText().equals(enterprise)).toList();
        }

        long refusedCount(String path) {
            return all(path).stream().filter(delivered -> delivered.status() != 200).count();
        }
    }
}
