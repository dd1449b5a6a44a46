package cn.singlewindow.realname.command.certification.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CTID, bank-card and SMS adapters against a real local HTTP server, failures included. */
class HttpProvidersTest {

    record Answer(int status, String body, long delayMillis) {
    }

    record Received(String path, String body, String idempotencyKey) {
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (received) {
                received.add(new Received(exchange.getRequestURI().getPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            }
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
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonProviderClient client(String name) {
        return new JsonProviderClient(name, baseUrl, Duration.ofSeconds(1), Duration.ofMillis(500), 1);
    }

    @Test
    void ctid_verdicts_map_to_match_mismatch_and_not_in_ctid() {
        IdentityAuthority ctid = HttpProviders.ctid(client("CTID"));
        IdValidity validity = new IdValidity("20150101", "00000000");
        answers.add(new Answer(200, "{\"result\":\"MATCH\"}", 0));
        answers.add(new Answer(200, "{\"result\":\"MISMATCH\"}", 0));
        answers.add(new Answer(200, "{\"result\":\"NOT_FOUND\"}", 0));
        assertThat(ctid.verify("张三", "11010519491231002X", validity)).isEqualTo(IdentityAuthority.Verdict.MATCH);
        assertThat(ctid.verify("张三", "11010519491231002X", validity)).isEqualTo(IdentityAuthority.Verdict.MISMATCH);
        assertThat(ctid.verify("张三", "11010519491231002X", validity))
                .isEqualTo(IdentityAuthority.Verdict.NOT_IN_CTID);
        assertThat(received.get(0).path()).isEqualTo("/ctid/verifications");
        assertThat(received.get(0).body()).contains("\"idNumber\":\"11010519491231002X\"")
                .contains("\"validTo\":\"00000000\"");
    }

    @Test
    void ctid_that_keeps_failing_or_answers_nonsense_is_unavailable() {
        IdentityAuthority ctid = HttpProviders.ctid(client("CTID"));
        IdValidity validity = new IdValidity("20150101", "00000000");
        answers.add(new Answer(502, "", 0));
        answers.add(new Answer(502, "", 0));
        assertThatThrownBy(() -> ctid.verify("张三", "11010519491231002X", validity))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(received).hasSize(2);
        answers.add(new Answer(200, "{\"result\":\"PERHAPS\"}", 0));
        assertThatThrownBy(() -> ctid.verify("张三", "11010519491231002X", validity))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void a_bank_card_check_slower_than_the_read_timeout_is_unavailable() {
        BankCardVerifier bank = HttpProviders.bankCards(client("Bank-card check"));
        answers.add(new Answer(200, "{\"result\":\"MATCH\"}", 1500));
        answers.add(new Answer(200, "{\"result\":\"MATCH\"}", 1500));
        assertThatThrownBy(() -> bank.verify("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X",
                "6222021234567890123", "13812345678")).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void a_passing_bank_card_check_error_is_retried() {
        BankCardVerifier bank = HttpProviders.bankCards(client("Bank-card check"));
        answers.add(new Answer(503, "", 0));
        answers.add(new Answer(200, "{\"result\":\"MISMATCH\"}", 0));
        assertThat(bank.verify("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X", "6222021234567890123",
                "13812345678")).isFalse();
    }

    @Test
    void a_retried_sms_keeps_its_idempotency_key_so_it_is_sent_once() {
        SmsGateway sms = HttpProviders.sms(client("SMS gateway"));
        answers.add(new Answer(500, "", 0));
        answers.add(new Answer(202, "", 0));
        sms.send("13812345678", "验证码123456");
        assertThat(received).hasSize(2);
        assertThat(received.get(0).path()).isEqualTo("/messages");
        assertThat(received.get(0).idempotencyKey()).isNotBlank().isEqualTo(received.get(1).idempotencyKey());
    }

    @Test
    void a_refused_sms_is_unavailable_without_retrying() {
        SmsGateway sms = HttpProviders.sms(client("SMS gateway"));
        answers.add(new Answer(400, "", 0));
        assertThatThrownBy(() -> sms.send("13812345678", "验证码123456"))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(received).hasSize(1);
    }
}
