package cn.singlewindow.realname.command.certification.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.command.testing.LocalHttpServer;
import cn.singlewindow.realname.command.testing.LocalHttpServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CTID, bank-card and SMS adapters against a real local HTTP server, failures included. */
class HttpProvidersTest {

    private LocalHttpServer server;

    @BeforeEach
    void start() {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonProviderClient client(String name) {
        return new JsonProviderClient(name, server.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(500), 1);
    }

    @Test
    void ctid_verdicts_map_to_match_mismatch_and_not_in_ctid() {
        IdentityAuthority ctid = HttpProviders.ctid(client("CTID"));
        IdValidity validity = new IdValidity("20150101", "00000000");
        server.answer(new Answer(200, "{\"result\":\"MATCH\"}", 0));
        server.answer(new Answer(200, "{\"result\":\"MISMATCH\"}", 0));
        server.answer(new Answer(200, "{\"result\":\"NOT_FOUND\"}", 0));
        assertThat(ctid.verify("张三", "11010519491231002X", validity)).isEqualTo(IdentityAuthority.Verdict.MATCH);
        assertThat(ctid.verify("张三", "11010519491231002X", validity)).isEqualTo(IdentityAuthority.Verdict.MISMATCH);
        assertThat(ctid.verify("张三", "11010519491231002X", validity))
                .isEqualTo(IdentityAuthority.Verdict.NOT_IN_CTID);
        assertThat(server.received().get(0).path()).isEqualTo("/ctid/verifications");
        assertThat(server.received().get(0).body()).contains("\"idNumber\":\"11010519491231002X\"")
                .contains("\"validTo\":\"00000000\"");
    }

    @Test
    void ctid_that_keeps_failing_or_answers_nonsense_is_unavailable() {
        IdentityAuthority ctid = HttpProviders.ctid(client("CTID"));
        IdValidity validity = new IdValidity("20150101", "00000000");
        server.answer(new Answer(502, "", 0));
        server.answer(new Answer(502, "", 0));
        assertThatThrownBy(() -> ctid.verify("张三", "11010519491231002X", validity))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(server.received()).hasSize(2);
        server.answer(new Answer(200, "{\"result\":\"PERHAPS\"}", 0));
        assertThatThrownBy(() -> ctid.verify("张三", "11010519491231002X", validity))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void a_bank_card_check_slower_than_the_read_timeout_is_unavailable() {
        BankCardVerifier bank = HttpProviders.bankCards(client("Bank-card check"));
        server.answer(new Answer(200, "{\"result\":\"MATCH\"}", 1500));
        server.answer(new Answer(200, "{\"result\":\"MATCH\"}", 1500));
        assertThatThrownBy(() -> bank.verify("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X",
                "6222021234567890123", "13812345678")).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void a_passing_bank_card_check_error_is_retried() {
        BankCardVerifier bank = HttpProviders.bankCards(client("Bank-card check"));
        server.answer(new Answer(503, "", 0));
        server.answer(new Answer(200, "{\"result\":\"MISMATCH\"}", 0));
        assertThat(bank.verify("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X", "6222021234567890123",
                "13812345678")).isFalse();
    }

    @Test
    void a_retried_sms_keeps_its_idempotency_key_so_it_is_sent_once() {
        SmsGateway sms = HttpProviders.sms(client("SMS gateway"));
        server.answer(new Answer(500, "", 0));
        server.answer(new Answer(202, "", 0));
        sms.send("13812345678", "验证码123456");
        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(0).path()).isEqualTo("/messages");
        assertThat(server.received().get(0).idempotencyKey()).isNotBlank().isEqualTo(server.received().get(1).idempotencyKey());
    }

    @Test
    void a_refused_sms_is_unavailable_without_retrying() {
        SmsGateway sms = HttpProviders.sms(client("SMS gateway"));
        server.answer(new Answer(400, "", 0));
        assertThatThrownBy(() -> sms.send("13812345678", "验证码123456"))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(server.received()).hasSize(1);
    }
}
