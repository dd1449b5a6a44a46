package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** GraphQL answers travel whole, with their length, whether they were ready at once or waited for a projection. */
class WholeAnswersTest extends RunningService {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_answer_ready_at_once_carries_its_length_and_is_not_chunked() throws Exception {
        assertWhole(post(null, "{\"query\":\"query { captcha { id } }\"}"), "\"captcha\"");
    }

    @Test
    void an_answer_that_waited_for_its_projection_carries_its_length_too() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String token = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        String accountId = GraphQlApi.accountOf(api.as(token));
        String mutation = "{\"query\":\"mutation c($input: ChangeAccountInfoInput!) { changeAccountInfo(input: $input)"
                + " { ownerName } }\",\"variables\":{\"input\":{\"accountId\":\"" + accountId + "\",\"ownerName\":"
                + "\"王五\",\"documentType\":\"RESIDENT_ID_CARD\",\"documentNumber\":\"110101199003070011\","
                + "\"idValidFrom\":\"20200101\",\"idValidTo\":\"20400101\"}}}";
        assertWhole(post(token, mutation), "\"ownerName\":\"王五\"");
    }

    private HttpResponse<byte[]> post(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertWhole(HttpResponse<byte[]> response, String expected) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        assertThat(body).contains(expected).doesNotContain("errors");
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    }
}
