package cn.singlewindow.realname.command.certification.providers;

import cn.singlewindow.realname.messages.account.DocumentType;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** CTID, the bank-card four-element check and the SMS gateway over HTTP (contracts in docs/providers.md). */
@Configuration(proxyBeanMethods = false)
@Profile("!sandbox")
class HttpProviders {

    record CtidRequest(String name, String idNumber, String validFrom, String validTo) {
    }

    record BankCardRequest(String name, DocumentType documentType, String documentNumber, String cardNumber,
                           String phone) {
    }

    record SmsRequest(String phone, String text) {
    }

    record Verdict(String result) {
    }

    @Bean
    IdentityAuthority identityAuthority(ProviderSettings settings, ObjectProvider<ObservationRegistry> observations) {
        return ctid(client("CTID", settings.ctid(), settings, observations));
    }

    @Bean
    BankCardVerifier bankCardVerifier(ProviderSettings settings, ObjectProvider<ObservationRegistry> observations) {
        return bankCards(client("Bank-card check", settings.bankCard(), settings, observations));
    }

    @Bean
    SmsGateway smsGateway(ProviderSettings settings, ObjectProvider<ObservationRegistry> observations) {
        return sms(client("SMS gateway", settings.sms(), settings, observations));
    }

    private static JsonProviderClient client(String name, ProviderSettings.Endpoint endpoint,
                                             ProviderSettings settings,
                                             ObjectProvider<ObservationRegistry> observations) {
        return new JsonProviderClient(name, endpoint.baseUrl(), settings.connectTimeout(), settings.readTimeout(), 1,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    static IdentityAuthority ctid(JsonProviderClient client) {
        return (name, idNumber, validity) -> {
            Verdict verdict = client.post("/ctid/verifications",
                    new CtidRequest(name, idNumber, validity.from(), validity.to()), Map.of(), Verdict.class);
            return switch (verdict == null ? "" : verdict.result()) {
                case "MATCH" -> IdentityAuthority.Verdict.MATCH;
                case "MISMATCH" -> IdentityAuthority.Verdict.MISMATCH;
                case "NOT_FOUND" -> IdentityAuthority.Verdict.NOT_IN_CTID;
                default -> throw new ProviderUnavailableException("CTID", "unknown result");
            };
        };
    }

    static BankCardVerifier bankCards(JsonProviderClient client) {
        return (name, documentType, documentNumber, cardNumber, phone) -> {
            Verdict verdict = client.post("/bank-cards/verifications",
                    new BankCardRequest(name, documentType, documentNumber, cardNumber, phone), Map.of(),
                    Verdict.class);
            return switch (verdict == null ? "" : verdict.result()) {
                case "MATCH" -> true;
                case "MISMATCH" -> false;
                default -> throw new ProviderUnavailableException("Bank-card check", "unknown result");
            };
        };
    }

    /** One key per message, kept across retries, so the gateway sends a retried message once. */
    static SmsGateway sms(JsonProviderClient client) {
        return (phone, text) -> client.post("/messages", new SmsRequest(phone, text),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), Void.class);
    }

}
