package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.security.SessionTokens;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Traces switched on by properties, on a deployment whose enterprise registry is a local HTTP server: one trace runs
 * from the HTTP request through the GraphQL operation and the command to the registry's call, and the registry is
 * told the trace (W3C traceparent), and the spans reach an OTLP collector.
 */
class TracesTest {

    private static final InMemorySpanExporter SPANS = InMemySpans.EXPORTER;
    private static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();
    private static final List<String> OTLP_POSTS = new CopyOnWriteArrayList<>();
    private static final String NEW_NAME = "新名称国际贸易有限公司";

    private static EmbeddedPostgres postgres;
    private static HttpServer registry;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        Path dir = TestDirectories.create("realname-traces-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/REGISTRY/enterprises/", exchange -> {
            TRACEPARENTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            String path = exchange.getRequestURI().getPath();
            String uscc = path.substring(path.lastIndexOf('/') + 1);
            byte[] body = ("{\"uscc\":\"" + uscc + "\",\"name\":\"" + NEW_NAME + "\",\"orgCode\":\""
                    + uscc.substring(8, 17) + "\",\"legalRepresentative\":{\"name\":\"张三\",\"documentType\":"
                    + "\"RESIDENT_ID_CARD\",\"documentNumber\":\"11010519491231002X\"},\"status\":\"ACTIVE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // And the OTLP collector spans are exported to.
        registry.createContext("/v1/traces", exchange -> {
            OTLP_POSTS.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        registry.start();
        Map<String, String> environment = Deployments.settings(dir, postgres.getJdbcUrl("postgres", "postgres"),
                "http://127.0.0.1:" + registry.getAddress().getPort());
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("MANAGEMENT_TRACING_ENABLED", "true");
        environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        environment.put("MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://127.0.0.1:" + registry.getAddress().getPort()
                + "/v1/traces");
        service = Deployments.start(environment, new String[0], InMemySpans.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        registry.stop(0);
        postgres.close();
    }

    @Test
    void one_trace_from_the_request_through_the_operation_and_the_command_to_the_registrys_call() {
        GraphQlApi api = new GraphQlApi(Integer.parseInt(service.getEnvironment()
                .getRequiredProperty("local.server.port")));
        SessionTokens tokens = service.getBean(SessionTokens.class);
        ImportedEnterprise enterprise = api.importEnterprise(api.as(tokens.issue(LoginOutcome.accepted(
                new AccountId(UUID.randomUUID().toString()), "operations", AccountRole.OPERATIONS, null)).token()));
        String administrator = tokens.issue(LoginOutcome.accepted(new AccountId(UUID.randomUUID().toString()),
                enterprise.adminUsername(), AccountRole.ADMINISTRATOR, new EnterpriseId(enterprise.id()))).token();
        SPANS.reset();

        api.as(administrator).document("""
                        mutation changeEnterpriseInfo($input: ChangeEnterpriseInfoInput!) {
                            changeEnterpriseInfo(input: $input) { name }
                        }""")
                .operationName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", NEW_NAME, "uscc", enterprise.uscc()))
                .execute().path("changeEnterpriseInfo.name").entity(String.class).isEqualTo(NEW_NAME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SPANS.getFinishedSpanItems())
                .extracting(SpanData::getName).contains("graphql change-enterprise-info", "http get"));
        List<SpanData> spans = SPANS.getFinishedSpanItems();
        SpanData operation = named(spans, "graphql change-enterprise-info");
        SpanData command = named(spans, "command change-enterprise-info");
        SpanData registryCall = named(spans, "http get");
        SpanData request = spans.stream().filter(span -> span.getSpanId().equals(operation.getParentSpanId()))
                .findFirst().orElseThrow(() -> new AssertionError("no span above the operation: " + spans));

        assertThat(request.getName()).isEqualTo("http post /graphql");
        assertThat(command.getParentSpanId()).isEqualTo(operation.getSpanId());
        assertThat(registryCall.getParentSpanId()).isEqualTo(command.getSpanId());
        assertThat(List.of(request, operation, command, registryCall)).extracting(SpanData::getTraceId)
                .containsOnly(operation.getTraceId());
        assertThat(TRACEPARENTS).last().asString().contains(operation.getTraceId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OTLP_POSTS)
                .anySatisfy(post -> assertThat(post).startsWith("POST application/x-protobuf").doesNotEndWith(" 0")));
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    /** Spring Boot sends finished spans to every exporter bean: this one keeps them for the test. */
    @Configuration(proxyBeanMethods = false)
    static class InMemySpans {

        static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

        @Bean
        SpanExporter inMemory() {
            return EXPORTER;
        }
    }
}
