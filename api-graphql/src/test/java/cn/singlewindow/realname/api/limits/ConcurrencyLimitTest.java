package cn.singlewindow.realname.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.documents.ParsedDocuments;
import graphql.ExecutionInput;
import graphql.ExecutionResultImpl;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor.Chain;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The interceptor on its own, with chains whose results come later, as a mutation's do (read-your-writes). */
class ConcurrencyLimitTest {

    private static final String MUTATION = "mutation { logout }";
    private static final String QUERY = "query { me { id } }";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ParsedDocuments documents = new ParsedDocuments();
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void a_mutation_over_the_limit_is_refused_as_busy_until_a_running_one_has_its_result() {
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ZERO, 100, meters);
        Sinks.One<WebGraphQlResponse> first = Sinks.one();
        limit.intercept(request(MUTATION), answeringLater(first)).subscribe();
        assertThat(running()).isEqualTo(1);

        WebGraphQlResponse refused = limit.intercept(request(MUTATION), answeringNow()).block();
        assertThat(codes(refused)).containsExactly("SERVICE_BUSY");
        assertThat(refused.getErrors().get(0).getExtensions()).containsEntry("messageZh", "系统繁忙，请稍后再试。");
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(ran).hasValue(1);
        assertThat(meters.get("realname.http.requests.busy").counter().count()).isEqualTo(1);

        first.tryEmitValue(answer(request(MUTATION)));
        assertThat(running()).isZero();
        assertThat(codes(limit.intercept(request(MUTATION), answeringNow()).block())).isEmpty();
        assertThat(ran).hasValue(2);
        assertThat(running()).isZero();
    }

    @Test
    void a_waiting_mutation_runs_as_soon_as_a_place_is_free() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ofSeconds(30), 100, meters);
        Sinks.One<WebGraphQlResponse> first = Sinks.one();
        limit.intercept(request(MUTATION), answeringLater(first)).subscribe();

        CompletableFuture<WebGraphQlResponse> second = CompletableFuture.supplyAsync(() ->
                limit.intercept(request(MUTATION), answeringNow()).block());
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("realname.http.requests.waiting") == 1);
        assertThat(second).isNotDone();

        first.tryEmitValue(answer(request(MUTATION)));
        assertThat(codes(second.get())).isEmpty();
        assertThat(ran).hasValue(2);
        assertThat(gauge("realname.http.requests.waiting")).isZero();
    }

    @Test
    void a_mutation_that_finds_the_queue_full_is_refused_at_once() {
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ofMinutes(10), 0, meters);
        limit.intercept(request(MUTATION), answeringLater(Sinks.one())).subscribe();
        assertThat(codes(limit.intercept(request(MUTATION), answeringNow()).block())).containsExactly("SERVICE_BUSY");
        assertThat(ran).hasValue(1);
        assertThat(gauge("realname.http.requests.waiting")).isZero();
    }

    @Test
    void a_query_already_parsed_runs_at_once_while_mutations_hold_every_place() {
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ZERO, 100, meters);
        limit.intercept(request(MUTATION), answeringLater(Sinks.one())).subscribe();

        assertThat(codes(limit.intercept(request(QUERY), answeringNow()).block()))
                .as("a document not parsed yet takes a turn").containsExactly("SERVICE_BUSY");
        parse(QUERY);
        assertThat(codes(limit.intercept(request(QUERY), answeringNow()).block())).isEmpty();
        assertThat(ran).hasValue(2);
        assertThat(running()).as("the query took no place").isEqualTo(1);
    }

    @Test
    void the_operation_a_request_names_decides_whether_it_takes_a_turn() {
        String both = "query read { me { id } } mutation leave { logout }";
        parse(both);
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ZERO, 100, meters);
        limit.intercept(request(MUTATION), answeringLater(Sinks.one())).subscribe();

        assertThat(codes(limit.intercept(request(both, "read"), answeringNow()).block())).isEmpty();
        assertThat(codes(limit.intercept(request(both, "leave"), answeringNow()).block()))
                .containsExactly("SERVICE_BUSY");
        assertThat(codes(limit.intercept(request(both, null), answeringNow()).block()))
                .as("no operation named among two: graphql-java refuses it, after its turn")
                .containsExactly("SERVICE_BUSY");
    }

    @Test
    void a_mutation_that_fails_or_throws_gives_its_place_back() {
        ConcurrencyLimit limit = new ConcurrencyLimit(documents, 1, Duration.ZERO, 100, meters);
        Mono<WebGraphQlResponse> failed = limit.intercept(request(MUTATION),
                next -> Mono.error(new IllegalStateException("failed")));
        assertThat(failed.onErrorResume(error -> Mono.empty()).block()).isNull();
        assertThat(running()).isZero();

        Mono<WebGraphQlResponse> thrown = limit.intercept(request(MUTATION), next -> {
            throw new IllegalStateException("thrown");
        });
        assertThat(thrown.onErrorResume(error -> Mono.empty()).block()).isNull();
        assertThat(running()).isZero();
    }

    @Test
    void by_default_the_limit_is_twice_the_processors_and_at_least_four() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(new ConcurrencyLimit(documents, 0, Duration.ZERO, 100, meters).limit())
                .isEqualTo(Math.max(4, 2 * processors));
    }

    private void parse(String document) {
        documents.getDocumentAsync(ExecutionInput.newExecutionInput(document).build(),
                input -> new PreparsedDocumentEntry(Parser.parse(input.getQuery()))).join();
    }

    /** A GraphQL request over HTTP with that document and no operation name. */
    static WebGraphQlRequest request(String document) {
        return request(document, null);
    }

    private static WebGraphQlRequest request(String document, String operationName) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(),
                new DefaultGraphQlRequest(document, operationName, Map.of(), Map.of()), "1", Locale.ROOT);
    }

    private static WebGraphQlResponse answer(WebGraphQlRequest request) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResultImpl.newExecutionResult().data(Map.of()).build()));
    }

    /** The result comes when the test emits it, as a mutation's does once the projection has its change. */
    private Chain answeringLater(Sinks.One<WebGraphQlResponse> result) {
        return request -> {
            ran.incrementAndGet();
            return result.asMono();
        };
    }

    private Chain answeringNow() {
        return request -> {
            ran.incrementAndGet();
            return Mono.just(answer(request));
        };
    }

    private static List<Object> codes(WebGraphQlResponse response) {
        return response.getErrors().stream().map(error -> error.getExtensions().get("code")).toList();
    }

    private double running() {
        return gauge("realname.http.requests.running");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
