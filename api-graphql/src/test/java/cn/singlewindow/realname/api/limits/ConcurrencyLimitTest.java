package cn.singlewindow.realname.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter on its own, with requests whose answers are written later (asynchronously), as GraphQL's are. */
class ConcurrencyLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void a_request_over_the_limit_is_refused_as_busy_until_a_running_one_has_written_its_answer() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ZERO, 100, meters);
        MockHttpServletRequest first = graphQl();
        limit.doFilter(first, new MockHttpServletResponse(), answeringLater());
        assertThat(running()).isEqualTo(1);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        limit.doFilter(graphQl(), refused, answeringLater());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("SERVICE_BUSY", "系统繁忙");
        assertThat(ran).hasValue(1);
        assertThat(meters.get("realname.http.requests.busy").counter().count()).isEqualTo(1);

        first.getAsyncContext().complete();
        assertThat(running()).isZero();
        MockHttpServletResponse admitted = new MockHttpServletResponse();
        limit.doFilter(graphQl(), admitted, answeringNow());
        assertThat(admitted.getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
        assertThat(running()).as("a request answered on its own thread gives its place back at once").isZero();
    }

    @Test
    void a_waiting_request_runs_as_soon_as_a_place_is_free() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofSeconds(30), 100, meters);
        MockHttpServletRequest first = graphQl();
        limit.doFilter(first, new MockHttpServletResponse(), answeringLater());

        MockHttpServletResponse second = new MockHttpServletResponse();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                limit.doFilter(graphQl(), second, answeringNow());
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("realname.http.requests.waiting") == 1);
        assertThat(waiting).isNotDone();

        first.getAsyncContext().complete();
        waiting.get();
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
        assertThat(gauge("realname.http.requests.waiting")).isZero();
    }

    @Test
    void a_request_that_finds_the_queue_full_is_refused_at_once() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofMinutes(10), 0, meters);
        limit.doFilter(graphQl(), new MockHttpServletResponse(), answeringLater());
        MockHttpServletResponse refused = new MockHttpServletResponse();
        limit.doFilter(graphQl(), refused, answeringNow());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(ran).hasValue(1);
        assertThat(gauge("realname.http.requests.waiting")).isZero();
    }

    @Test
    void other_endpoints_are_not_limited() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ZERO, 100, meters);
        limit.doFilter(graphQl(), new MockHttpServletResponse(), answeringLater());
        MockHttpServletResponse health = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", "/actuator/health/liveness"), health, answeringNow());
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
    }

    @Test
    void by_default_the_limit_is_twice_the_processors_and_at_least_four() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(new ConcurrencyLimit(0, Duration.ZERO, 100, meters).limit()).isEqualTo(Math.max(4, 2 * processors));
    }

    private static MockHttpServletRequest graphQl() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setAsyncSupported(true);
        return request;
    }

    /** Starts asynchronous processing and leaves it open, as a query waiting on a projection does. */
    private FilterChain answeringLater() {
        return (request, response) -> {
            ran.incrementAndGet();
            AsyncContext async = request.startAsync();
            assertThat(async).isNotNull();
        };
    }

    private FilterChain answeringNow() {
        return (request, response) -> ran.incrementAndGet();
    }

    private double running() {
        return gauge("realname.http.requests.running");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
