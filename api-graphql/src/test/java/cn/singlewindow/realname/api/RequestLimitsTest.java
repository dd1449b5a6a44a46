package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Documents too deep or too wide, and bodies too large, are refused before anything runs. */
class RequestLimitsTest extends RunningService {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_document_deeper_than_ten_levels_is_refused_as_too_complex() {
        HttpGraphQlTester operations = api().asOperations();
        String deep = "enterprise(id: \"x\") { accounts { enterprise { accounts { enterprise { accounts { enterprise {"
                + " accounts { enterprise { accounts { enterprise { id } } } } } } } } } } }";
        operations.document("query { " + deep + " }").execute().errors().satisfy(code("QUERY_TOO_COMPLEX"));
        // Five levels, as clients use it, still runs.
        operations.document("query { enterprise(id: \"x\") { accounts { enterprise { certification { methods {"
                + " method } } } } } }").execute().path("enterprise").valueIsNull();
    }

    /** The sandbox has introspection on: GraphiQL's 13-level introspection query runs, a deeper one does not. */
    @Test
    void the_tools_introspection_query_runs_and_a_deeper_introspection_is_refused() {
        // Boot turns introspection off JVM-wide when a service without it starts (the suite's deployment-profile
        // tests); this sandbox service has it on.
        graphql.introspection.Introspection.enabledJvmWide(true);
        GraphQlTester anonymous = api().anonymous();
        anonymous.document(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY).execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        String ofType = "ofType { ".repeat(15) + "name" + " }".repeat(15);
        anonymous.document("query { __schema { types { " + ofType + " } } }").execute().errors()
                .satisfy(code("QUERY_TOO_COMPLEX"));
    }

    @Test
    void a_document_with_hundreds_of_fields_is_refused_as_too_complex() {
        String wide = IntStream.range(0, 400).mapToObj(i -> "a" + i + ": me { id }").collect(Collectors.joining(" "));
        api().asOperations().document("query { " + wide + " }").execute().errors()
                .satisfy(code("QUERY_TOO_COMPLEX"));
    }

    @Test
    void a_document_kept_parsed_is_still_checked_against_the_limits_and_run_with_each_requests_variables() {
        HttpGraphQlTester operations = api().asOperations();
        String wide = IntStream.range(0, 400).mapToObj(i -> "a" + i + ": me { id }").collect(Collectors.joining(" "));
        for (int i = 0; i < 3; i++) {
            operations.document("query { " + wide + " }").execute().errors().satisfy(code("QUERY_TOO_COMPLEX"));
        }
        String byUscc = "query q($uscc: String!) { enterpriseByUscc(uscc: $uscc) { id uscc } }";
        GraphQlApi api = api();
        GraphQlApi.ImportedEnterprise first = api.importEnterprise(operations);
        GraphQlApi.ImportedEnterprise second = api.importEnterprise(operations);
        operations.document(byUscc).variable("uscc", first.uscc()).execute()
                .path("enterpriseByUscc.id").entity(String.class).isEqualTo(first.id());
        operations.document(byUscc).variable("uscc", second.uscc()).execute()
                .path("enterpriseByUscc.id").entity(String.class).isEqualTo(second.id());
    }

    @Test
    void an_operation_once_within_the_limits_is_checked_again_when_a_variable_can_widen_it() {
        HttpGraphQlTester operations = api().asOperations();
        String fields = IntStream.range(0, 140).mapToObj(i -> "a" + i + ": me { id }")
                .collect(Collectors.joining(" "));
        // A complexity of 280 (a field and its id, 140 times) with the second fragment skipped, 560 with it.
        String document = "query q($both: Boolean!) { ...fields ...more @include(if: $both) }"
                + " fragment fields on Query { " + fields + " } fragment more on Query { " + fields.replace("a", "b")
                + " }";
        for (boolean both : new boolean[] {false, false, true, false, true}) {
            GraphQlTester.Response response = operations.document(document).variable("both", both).execute();
            if (both) {
                response.errors().satisfy(code("QUERY_TOO_COMPLEX"));
            } else {
                response.path("a139.id").hasValue();
            }
        }
        // The same fields with the choice written in: refused every time, never remembered as within the limits.
        String fixed = document.replace("($both: Boolean!)", "").replace("$both", "true");
        for (int i = 0; i < 2; i++) {
            operations.document(fixed).execute().errors().satisfy(code("QUERY_TOO_COMPLEX"));
        }
    }

    @Test
    void control_characters_are_refused_raw_or_escaped_in_the_document_and_in_variables() {
        HttpGraphQlTester anonymous = api().anonymous();
        String answerOf = "query { sandboxCaptchaAnswer(captchaId: \"a%sb\") }";
        for (String written : new String[] {"\u0007", "\\u0007", "\\u001F", "\\u007f"}) {
            anonymous.document(answerOf.formatted(written)).execute().errors()
                    .satisfy(code("VALIDATION_FAILED"));
        }
        anonymous.document("query a($id: ID!) { sandboxCaptchaAnswer(captchaId: $id) }").variable("id", "a\u0001b")
                .execute().errors().satisfy(code("VALIDATION_FAILED"));
        // Inside input objects and lists too, in keys as in values, and DEL as well.
        String withId = "query a($id: ID!) { sandboxCaptchaAnswer(captchaId: $id) }";
        for (Object nested : new Object[] {Map.of("name", List.of("ok", "a\u001Fb")), Map.of("k\u0008", "v"),
                List.of(Map.of("name", "a\u007Fb"))}) {
            anonymous.document(withId).variable("id", "a").variable("input", nested).execute().errors()
                    .satisfy(code("VALIDATION_FAILED"));
        }
        anonymous.document(answerOf.formatted("\u007F")).execute().errors().satisfy(code("VALIDATION_FAILED"));
        // Tabs and line breaks are text people type.
        anonymous.document(withId).variable("id", "a").variable("input", Map.of("note", List.of("a\tb\r\nc")))
                .execute().errors().satisfy(errors -> assertThat(errors).noneMatch(error ->
                        "VALIDATION_FAILED".equals(error.getExtensions().get("code"))));
        // A backslash that escapes nothing forbidden is no reason to refuse.
        anonymous.document(answerOf.formatted("\\u0041")).execute().errors()
                .satisfy(errors -> assertThat(errors).noneMatch(error -> "VALIDATION_FAILED".equals(
                        error.getExtensions().get("code"))));
    }

    @Test
    void a_body_over_64_kib_is_refused_with_413_whether_its_length_is_declared_or_not() throws Exception {
        String huge = "{\"query\":\"query { me { id } }\",\"variables\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}";
        byte[] body = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = http.send(post(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body))), HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : java.util.List.of(declared, chunked)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.body()).contains("REQUEST_TOO_LARGE", "请求内容过大");
        }
    }

    private HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(body).build();
    }
}
