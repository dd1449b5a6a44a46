package cn.singlewindow.realname.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A small GraphQL client over the JDK's HTTP client: what a frontend does, nothing more. */
final class GraphQl {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

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
     * the server has since closed as idle, and Java's client does not retry a POST on one (seen once, seconds
     * into a million-event rebuild).
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a plain endpoint; true on 200. */
    boolean get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
