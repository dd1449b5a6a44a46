package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What reaches the service outside a well-formed GraphQL operation still gets a typed answer, or a typed close. */
@ExtendWith(OutputCaptureExtension.class)
class ProtocolErrorsTest extends RunningService {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private JsonNode firstError(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("errors").path(0);
    }

    @Test
    void the_error_path_asked_for_directly_and_a_truncated_body_answer_in_the_contracts_shape() throws Exception {
        HttpResponse<String> error = send(HttpRequest.newBuilder(uri("/error")));
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(firstError(error).path("extensions").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(firstError(error).path("extensions").path("messageZh").asText()).isNotBlank();

        HttpResponse<String> truncated = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ captcha { id } }\", \"variables\": {")));
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(firstError(truncated).path("extensions").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(truncated.body()).doesNotContain("Exception", "at org.");

        HttpResponse<String> plainText = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ captcha { id } }\"}")));
        assertThat(plainText.statusCode()).isEqualTo(415);
        assertThat(firstError(plainText).path("extensions").path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(plainText.headers().firstValue("Accept")).hasValueSatisfying(
                accept -> assertThat(accept).contains("application/json"));
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/graphql?query=%7Bcaptcha%7Bid%7D%7D")));
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(firstError(get).path("extensions").path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void a_subscription_sent_as_a_plain_post_is_refused_with_a_typed_error() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"subscription { certificationStatusChanged("
                        + "enterpriseId: \\\"x\\\") { certified } }\"}")));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(firstError(answer).path("extensions").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(json.readTree(answer.body()).path("data").isMissingNode()
                || json.readTree(answer.body()).path("data").isNull()).isTrue();
    }

    @Test
    void frames_that_are_not_graphql_transport_ws_messages_close_with_4400_and_one_warning_line(
            CapturedOutput output) throws Exception {
        List<Consumer<WebSocket>> frames = List.of(
                socket -> socket.sendText("not json at all", true),
                socket -> socket.sendText("[1, 2, 3]", true),
                socket -> socket.sendText("{\"type\": \"hello\"}", true),
                socket -> socket.sendText("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": 42}", true),
                socket -> socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true));
        for (Consumer<WebSocket> frame : frames) {
            assertThat(WebSocketFrames.closeStatusAfter(http, port, frame)).isEqualTo(4400);
        }
        assertThat(output.getOut()).contains("Closed GraphQL WebSocket", "text that is not JSON",
                "a binary frame").doesNotContain("TextWebSocketHandler")
                // No close for a server error (1011), as a number of its own (not inside a timestamp's digits).
                .doesNotContainPattern("(?<![0-9.])1011(?![0-9])");
    }
}
