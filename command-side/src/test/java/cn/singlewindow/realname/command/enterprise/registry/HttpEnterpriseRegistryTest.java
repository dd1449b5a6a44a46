package cn.singlewindow.realname.command.enterprise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a real local HTTP server playing the registry, failures included. */
class HttpEnterpriseRegistryTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private HttpEnterpriseRegistry registry;

    record Answer(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/enterprises/", exchange -> {
            requests.incrementAndGet();
            Answer answer = answers.isEmpty() ? new Answer(500, "", 0) : answers.poll();
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        registry = new HttpEnterpriseRegistry("http://127.0.0.1:" + server.getAddress().getPort() + "/api",
                Duration.ofSeconds(1), Duration.ofMillis(500), 1);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String record(String status) {
        return """
                {"uscc":"%s","name":"示例贸易有限公司","orgCode":"%s","status":"%s",
                 "legalRepresentative":{"name":"张三","documentType":"RESIDENT_ID_CARD",
                 "documentNumber":"11010519491231002X"}}""".formatted(uscc.value(), uscc.orgCode().value(), status);
    }

    @Test
    void a_registered_enterprise_is_answered_with_its_record() {
        answers.add(new Answer(200, record("ACTIVE"), 0));
        RegisteredEnterprise found = registry.lookUp(uscc).orElseThrow();
        assertThat(found.name()).isEqualTo("示例贸易有限公司");
        assertThat(found.orgCode()).isEqualTo(uscc.orgCode());
        assertThat(found.legalRepresentative().documentNumber()).isEqualTo("11010519491231002X");
        assertThat(found.active()).isTrue();
    }

    @Test
    void an_unknown_code_is_empty_not_an_error() {
        answers.add(new Answer(404, "", 0));
        assertThat(registry.lookUp(uscc)).isEmpty();
        assertThat(requests).hasValue(1);
    }

    @Test
    void a_passing_server_error_is_retried_once() {
        answers.add(new Answer(503, "", 0));
        answers.add(new Answer(200, record("CANCELLED"), 0));
        assertThat(registry.lookUp(uscc)).get().extracting(RegisteredEnterprise::active).isEqualTo(false);
        assertThat(requests).hasValue(2);
    }

    @Test
    void a_registry_that_keeps_failing_is_unavailable() {
        answers.add(new Answer(500, "", 0));
        answers.add(new Answer(500, "", 0));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(requests).hasValue(2);
    }

    @Test
    void a_registry_slower_than_the_read_timeout_is_unavailable() {
        answers.add(new Answer(200, record("ACTIVE"), 1500));
        answers.add(new Answer(200, record("ACTIVE"), 1500));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void an_answer_about_another_enterprise_is_not_trusted() {
        answers.add(new Answer(200, record("ACTIVE").replace(uscc.value(), SampleCodes.randomUscc()), 0));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
    }
}
