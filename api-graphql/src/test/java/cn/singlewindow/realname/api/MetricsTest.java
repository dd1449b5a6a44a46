package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.common.Traces;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What Prometheus scrapes: Axon's bus and processor metrics, and certification outcomes by method. */
class MetricsTest extends RunningService {

    @Autowired
    ApplicationContext context;

    @Test
    void prometheus_sees_commands_processors_and_certification_outcomes() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        String attemptId = admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").entity(String.class).get();
        admin.documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "别的公司",
                        "uscc", enterprise.uscc(), "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X"))
                .execute().path("verifyEnterpriseInfo.failureCode").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO_MISMATCH");

        String scrape = prometheus().header("Authorization", "Bearer " + api.tokenOf(GraphQlApi.OPERATIONS_USER,
                        GraphQlApi.OPERATIONS_PASSWORD)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("certification_outcomes_total{method=\"LEGAL_REP\",outcome=\"FAILED\","
                        + "reason=\"ENTERPRISE_INFO_MISMATCH\"}")
                .contains("commandBus")
                .contains("enterprise-directory")
                // The enterprise views kept in memory (EnterpriseViews).
                .containsPattern("cache_gets_total\\{cache=\"enterprise_views\",result=\"hit\"}")
                // Per request, not per field or per filter (the instrumentation below is not even installed).
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/graphql\"")
                // Busy time per component, from which its capacity is a rate (MessageMonitors)...
                .containsPattern("commandBus_allTimer_seconds_sum\\{payloadType=\"VerifyEnterpriseInfo\"}")
                .containsPattern("eventProcessor_allTimer_seconds_sum\\{[^}]*processorName=\"enterprise-directory\"")
                .containsPattern("eventProcessor_latency\\{processorName=\"enterprise-directory\"}")
                // ...not Axon's capacity gauges, which kept every message's duration for ten minutes.
                .doesNotContainPattern("(?m)^(commandBus|queryBus|queryUpdateEmitter|eventProcessor)_capacity");
    }

    @Test
    void on_the_services_port_metrics_are_for_the_configured_role_only() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        prometheus().exchange().expectStatus().isUnauthorized();
        prometheus().header("Authorization", "Bearer " + api.tokenOf(enterprise.adminUsername(),
                enterprise.adminPassword())).exchange().expectStatus().isForbidden();
    }

    private WebTestClient.RequestHeadersSpec<?> prometheus() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                // After a whole suite's traffic the scrape is larger than the client's default 256 KB.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get().uri("/actuator/prometheus");
    }

    @Test
    void traces_are_off_unless_asked_for() {
        assertThat(context.getBean(Traces.class).on()).isFalse();
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOff());
    }

    @Test
    void graphql_fields_are_not_instrumented_for_observations() {
        assertThat(context.getBeansOfType(GraphQlObservationInstrumentation.class)).isEmpty();
    }
}
