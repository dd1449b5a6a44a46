package cn.singlewindow.realname.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * A small GraphQL client: what a frontend does, nothing more. Apache's blocking client, each request on its caller's
 * thread: the JDK's client hands every request to its own threads and back, and cost the driver 0.44 ms of CPU per
 * read and 0.20 per trivial GET, on the two cores the service shares with it (docs/performance.md).
 */
final class GraphQl {

    static final ObjectMapper JSON = new ObjectMapper();

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    // One connection per client thread of any workload, as the JDK's client kept them.
                    .setMaxConnTotal(512).setMaxConnPerRoute(512)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(30)).build())
                    .build())
            .build();
    private final String baseUrl;
    private volatile String metricsToken;

    GraphQl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The data of the answer; an answer with errors throws. */
    JsonNode call(String token, String document, Map<String, ?> variables) {
        JsonNode answer = raw(token, document, variables);
        if (answer.has("errors") && !answer.get("errors").isEmpty()) {
            throw new IllegalStateException(answer.get("errors").toString());
        }
        return answer.get("data");
    }

    /**
     * Starts a rebuild of the projections (as OPERATIONS) and polls {@code replayStatus} with the given fields
     * (state always included) every second, telling {@code progress} each time; answers the final status.
     */
    JsonNode rebuildProjections(String token, String statusFields, Consumer<JsonNode> progress)
            throws InterruptedException {
        call(token, "mutation { rebuildProjections { state } }", null);
        JsonNode status;
        do {
            Thread.sleep(1_000);
            status = poll(token, "query { replayStatus { state " + statusFields + " } }").get("replayStatus");
            progress.accept(status);
        } while ("RUNNING".equals(status.get("state").asText()));
        return status;
    }

    /**
     * A read asked again when the connection fails: after the load workloads the client's pool holds connections
     * the server has since closed as idle, and an HTTP client does not send a POST again by itself (seen once with
     * the JDK's client, seconds into a million-event rebuild).
     */
    private JsonNode poll(String token, String query) {
        try {
            return call(token, query, null);
        } catch (IllegalStateException failed) {
            if (!(failed.getCause() instanceof IOException)) {
                throw failed;
            }
            return call(token, query, null);
        }
    }

    JsonNode raw(String token, String document, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables == null ? Map.of() : variables);
        try {
            HttpPost request = new HttpPost(baseUrl + "/graphql");
            request.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
            return http.execute(request, response -> JSON.readTree(EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET of a plain endpoint; true on 200. */
    boolean get(String path) {
        try {
            return http.execute(new HttpGet(baseUrl + path), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** POSTs a file as the body, with the token; answers the JSON answer. */
    JsonNode postFile(String token, String path, String contentType, java.nio.file.Path file) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setHeader("Authorization", "Bearer " + token);
        post.setEntity(new FileEntity(file.toFile(), ContentType.create(contentType, StandardCharsets.UTF_8)));
        try {
            return http.execute(post, response -> JSON.readTree(EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads /actuator/prometheus from now on with this token (an OPERATIONS session: metrics are not public). */
    void readMetricsAs(String token) {
        this.metricsToken = token;
    }

    /** The service's metrics, in Prometheus' text format. */
    String metrics() {
        HttpGet get = new HttpGet(baseUrl + "/actuator/prometheus");
        get.setHeader("Authorization", "Bearer " + metricsToken);
        try {
            return http.execute(get, response -> EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Logs in as a user would, answering the captcha through the sandbox; once more on CONCURRENT_MODIFICATION
     * (with several nodes, the account's last login may have been on another node), as a frontend would.
     */
    String login(String username, String password) {
        try {
            return loginOnce(username, password);
        } catch (IllegalStateException conflict) {
            if (!String.valueOf(conflict.getMessage()).contains("CONCURRENT_MODIFICATION")) {
                throw conflict;
            }
            return loginOnce(username, password);
        }
    }

    private String loginOnce(String username, String password) {
        JsonNode captcha = call(null, "query { captcha { id } }", null).get("captcha");
        String answer = call(null, "query a($id: ID!) { sandboxCaptchaAnswer(captchaId: $id) }",
                Map.of("id", captcha.get("id").asText())).get("sandboxCaptchaAnswer").asText();
        return call(null, "mutation l($input: LoginInput!) { login(input: $input) { token } }",
                Map.of("input", Map.of("username", username, "password", password,
                        "captchaId", captcha.get("id").asText(), "captchaAnswer", answer)))
                .get("login").get("token").asText();
    }
}
