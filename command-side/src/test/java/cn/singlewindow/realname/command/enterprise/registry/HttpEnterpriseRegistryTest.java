package cn.singlewindow.realname.command.enterprise.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import cn.singlewindow.realname.command.testing.LocalHttpServer;
import cn.singlewindow.realname.command.testing.LocalHttpServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a real local HTTP server playing the registry, failures included. */
class HttpEnterpriseRegistryTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private LocalHttpServer server;
    private HttpEnterpriseRegistry registry;

    @BeforeEach
    void start() {
        server = new LocalHttpServer();
        registry = new HttpEnterpriseRegistry(server.baseUrl() + "/api", Duration.ofSeconds(1), Duration.ofMillis(500),
                1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String record(String status) {
        return """
                {"uscc":"%s","name":"示例贸易有限公司","orgCode":"%s","status":"%s",
                 "legalRepresentative":{"name":"张三","documentType":"RESIDENT_ID_CARD",
                 "documentNumber":"11010519491231002X"}}""".formatted(uscc.value(), uscc.orgCode().value(), status);
    }

    @Test
    void a_registered_enterprise_is_answered_with_its_record() {
        server.answer(new Answer(200, record("ACTIVE"), 0));
        RegisteredEnterprise found = registry.lookUp(uscc).orElseThrow();
        assertThat(found.name()).isEqualTo("示例贸易有限公司");
        assertThat(found.orgCode()).isEqualTo(uscc.orgCode());
        assertThat(found.legalRepresentative().documentNumber()).isEqualTo("11010519491231002X");
        assertThat(found.active()).isTrue();
    }

    @Test
    void an_unknown_code_is_empty_not_an_error() {
        server.answer(new Answer(404, "", 0));
        assertThat(registry.lookUp(uscc)).isEmpty();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void a_passing_server_error_is_retried_once() {
        server.answer(new Answer(503, "", 0));
        server.answer(new Answer(200, record("CANCELLED"), 0));
        assertThat(registry.lookUp(uscc)).get().extracting(RegisteredEnterprise::active).isEqualTo(false);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void a_registry_that_keeps_failing_is_unavailable() {
        server.answer(new Answer(500, "", 0));
        server.answer(new Answer(500, "", 0));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void a_registry_slower_than_the_read_timeout_is_unavailable() {
        server.answer(new Answer(200, record("ACTIVE"), 1500));
        server.answer(new Answer(200, record("ACTIVE"), 1500));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void an_answer_about_another_enterprise_is_not_trusted() {
        server.answer(new Answer(200, record("ACTIVE").replace(uscc.value(), SampleCodes.randomUscc()), 0));
        assertThatThrownBy(() -> registry.lookUp(uscc)).isInstanceOf(RegistryUnavailableException.class);
    }
}
