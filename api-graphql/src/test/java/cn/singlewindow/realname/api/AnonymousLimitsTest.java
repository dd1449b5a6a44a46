package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.GraphQlApi.code;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * One anonymous request holds at most two operations however they are aliased, and one address gets a limited
 * number of anonymous operations a minute. On a service of its own, with a small allowance.
 */
@TestPropertySource(properties = {"realname.embedded-db.data-dir=${realname.data-dir}/pgdata-anonymous",
        "realname.http.anonymous.per-address-per-minute=8"})
class AnonymousLimitsTest extends RunningService {

    @Test
    void aliased_anonymous_operations_beyond_two_are_refused_before_any_work() {
        GraphQlApi api = api();
        String captchas = IntStream.range(0, 150).mapToObj(i -> "c" + i + ": captcha { id }")
                .collect(Collectors.joining(" "));
        api.anonymous().document("query { " + captchas + " }").execute().errors().satisfy(code("QUERY_TOO_COMPLEX"));
        String challenges = IntStream.range(0, 3).mapToObj(i -> "c" + i
                + ": issueCardChallenge(input: {purpose: LOGIN}) { id }").collect(Collectors.joining(" "));
        api.anonymous().document("mutation { " + challenges + " }").execute().errors()
                .satisfy(code("QUERY_TOO_COMPLEX"));
        api.anonymous().document("query { ...many } fragment many on Query { a: captcha { id } b: captcha { id }"
                + " c: captcha { id } }").execute().errors().satisfy(code("QUERY_TOO_COMPLEX"));
    }

    @Test
    void an_address_gets_a_limited_number_of_anonymous_operations_a_minute() {
        GraphQlApi api = api();
        String token = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        for (int i = 0; i < 10; i++) {
            api.anonymous().document("query { captcha { id } }").execute();
        }
        api.anonymous().document("query { captcha { id } }").execute().errors().satisfy(code("TOO_MANY_ATTEMPTS"));
        // A caller who has logged in is not counted as anonymous.
        api.as(token).document("query { me { id } }").execute().path("me.id").hasValue();
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance() {
        // The requests come from 127.0.0.1, a trusted proxy by default: X-Forwarded-For names the client.
        var first = api().anonymous().mutate().header("X-Forwarded-For", "198.51.100.7").build();
        var second = api().anonymous().mutate().header("X-Forwarded-For", "192.0.2.1, 198.51.100.8").build();
        for (int i = 0; i < 8; i++) {
            first.document("query { captcha { id } }").execute().path("captcha.id").hasValue();
        }
        first.document("query { captcha { id } }").execute().errors().satisfy(code("TOO_MANY_ATTEMPTS"));
        second.document("query { captcha { id } }").execute().path("captcha.id").hasValue();
    }
}
