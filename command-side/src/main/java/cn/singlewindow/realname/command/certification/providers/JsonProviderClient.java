package cn.singlewindow.realname.command.certification.providers;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * POSTs JSON to a provider with connect and read time-outs. A 5xx or an I/O failure is tried again up to
 * {@code retries} times (callers send only idempotent requests, or carry an idempotency key); then the provider
 * counts as unavailable. Logs name the provider and the failure, never the personal data sent.
 */
final class JsonProviderClient {

    private static final Logger log = LoggerFactory.getLogger(JsonProviderClient.class);

    private final String provider;
    private final RestClient client;
    private final int retries;

    JsonProviderClient(String provider, String baseUrl, Duration connectTimeout, Duration readTimeout, int retries) {
        this(provider, baseUrl, connectTimeout, readTimeout, retries, ObservationRegistry.NOOP);
    }

    /** With {@code observations}: each call timed (http.client.requests) and, when traces are on, a span. */
    JsonProviderClient(String provider, String baseUrl, Duration connectTimeout, Duration readTimeout, int retries,
                       ObservationRegistry observations) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        this.provider = provider;
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .observationRegistry(observations).build();
        this.retries = retries;
    }

    <R> R post(String path, Object body, Map<String, String> headers, Class<R> answerType) {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.post().uri(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .headers(h -> headers.forEach(h::set))
                        .body(body)
                        .exchange((request, response) -> {
                            if (response.getStatusCode().is5xxServerError()) {
                                throw new Retryable("status " + response.getStatusCode().value());
                            }
                            if (!response.getStatusCode().is2xxSuccessful()) {
                                throw new RestClientException("status " + response.getStatusCode().value());
                            }
                            return answerType == Void.class ? null : response.bodyTo(answerType);
                        });
            } catch (ResourceAccessException | Retryable failure) {
                if (attempt >= retries) {
                    log.warn("{} unavailable after {} attempts: {}", provider, attempt + 1, failure.getMessage());
                    throw new ProviderUnavailableException(provider, failure.getMessage());
                }
            } catch (RestClientException unexpected) {
                log.warn("{} answered unexpectedly: {}", provider, unexpected.getMessage());
                throw new ProviderUnavailableException(provider, unexpected.getMessage());
            }
        }
    }

    private static final class Retryable extends RestClientException {
        Retryable(String message) {
            super(message);
        }
    }
}
