package cn.singlewindow.realname.api;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With a management port of its own, the operators' network reads metrics and probes there without a session, and the
 * service's port no longer serves them to anyone without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureObservability
class ManagementPortTest extends SeparateService {

    @LocalManagementPort
    int managementPort;

    @Test
    void metrics_and_probes_are_open_on_the_management_port_only() {
        get(managementPort, "/actuator/prometheus").expectStatus().isOk().expectBody(String.class)
                .value(scrape -> org.assertj.core.api.Assertions.assertThat(scrape)
                        .contains("jvm_threads_live_threads"));
        get(managementPort, "/actuator/health/readiness").expectStatus().isOk();
        get(port, "/actuator/prometheus").expectStatus().isUnauthorized();
    }

    private static WebTestClient.ResponseSpec get(int port, String path) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build().get().uri(path).exchange();
    }
}
