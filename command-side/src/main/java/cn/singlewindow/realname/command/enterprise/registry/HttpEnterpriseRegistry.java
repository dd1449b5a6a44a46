package cn.singlewindow.realname.command.enterprise.registry;

import cn.singlewindow.realname.command.certification.providers.ProviderSettings;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The registry over HTTP (contract in docs/providers.md): {@code GET {base-url}/enterprises/{uscc}} answers the
 * record, 404 when none. Time-outs on connect and read; a failed or 5xx attempt is retried, being a read.
 */
@Component
@Profile("!sandbox")
class HttpEnterpriseRegistry implements EnterpriseRegistry {

    private static final Logger log = LoggerFactory.getLogger(HttpEnterpriseRegistry.class);

    private final RestClient client;
    private final int retries;

    @Autowired
    HttpEnterpriseRegistry(ProviderSettings settings, ObjectProvider<ObservationRegistry> observations) {
        this(settings.registry().baseUrl(), settings.registry().connectTimeout(), settings.registry().readTimeout(),
                settings.registry().retries(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    HttpEnterpriseRegistry(String baseUrl, Duration connectTimeout, Duration readTimeout, int retries) {
        this(baseUrl, connectTimeout, readTimeout, retries, ObservationRegistry.NOOP);
    }

    /** With {@code observations}: each call timed (http.client.requests) and, when traces are on, a span. */
    HttpEnterpriseRegistry(String baseUrl, Duration connectTimeout, Duration readTimeout, int retries,
                           ObservationRegistry observations) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .observationRegistry(observations).build();
        this.retries = retries;
    }

    @Override
    public Optional<RegisteredEnterprise> lookUp(Uscc uscc) {
        for (int attempt = 0; ; attempt++) {
            try {
                return fetch(uscc);
            } catch (ResourceAccessException | ServerFailure failure) {
                if (attempt >= retries) {
                    log.warn("Enterprise registry unavailable for {} after {} attempts: {}", uscc, attempt + 1,
                            failure.getMessage());
                    throw new RegistryUnavailableException();
                }
            } catch (RestClientException unexpected) {
                log.warn("Enterprise registry answered unexpectedly for {}: {}", uscc, unexpected.getMessage());
                throw new RegistryUnavailableException();
            }
        }
    }

    private Optional<RegisteredEnterprise> fetch(Uscc uscc) {
        return client.get()
                .uri("/enterprises/{uscc}", uscc.value())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    if (status == 404) {
                        return Optional.empty();
                    }
                    if (response.getStatusCode().is5xxServerError()) {
                        throw new ServerFailure(status);
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new RestClientException("status " + status);
                    }
                    RegistryRecord body = response.bodyTo(RegistryRecord.class);
                    if (body == null || !uscc.value().equals(body.uscc())) {
                        throw new RestClientException("answer for another or no enterprise");
                    }
                    return Optional.of(body.toRecord());
                });
    }

    /** The JSON the registry answers. */
    record RegistryRecord(String uscc, String name, String orgCode, LegalRep legalRepresentative, String status) {

        RegisteredEnterprise toRecord() {
            LegalRepresentative legalRep = legalRepresentative == null ? null
                    : new LegalRepresentative(legalRepresentative.name(),
                    DocumentType.valueOf(legalRepresentative.documentType()), legalRepresentative.documentNumber());
            return new RegisteredEnterprise(new Uscc(uscc), name, new OrgCode(orgCode), legalRep,
                    "ACTIVE".equals(status) ? RegistrationStatus.ACTIVE : RegistrationStatus.CLOSED);
        }
    }

    record LegalRep(String name, String documentType, String documentNumber) {
    }

    private static final class ServerFailure extends RestClientException {
        ServerFailure(int status) {
            super("status " + status);
        }
    }
}
