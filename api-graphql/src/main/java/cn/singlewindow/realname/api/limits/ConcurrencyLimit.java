package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.api.documents.ParsedDocuments;
import cn.singlewindow.realname.api.error.RefusedRequests;
import graphql.language.OperationDefinition.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Mutations take turns: a bounded number run at once (by default twice the processors, at least 4); the others
 * wait in arrival order, and past the queue time-out get SERVICE_BUSY (with {@code Retry-After: 1}), as do those
 * that find {@code max-waiting} already waiting (a waiting request holds a Tomcat thread; the rest are kept for
 * queries, the actuator's health checks and the other endpoints). Beyond a few at once, mutations only share the
 * processors more thinly: on 2 cores, 32 at once completed no more certifications than 4 did, while the projection
 * threads, which every mutation's answer waits for, got a sliver of the CPU and fell 10 times further behind
 * (docs/performance.md, W4). A request holds its place until its result is made.
 * <p>
 * A query whose document is already parsed ({@link ParsedDocuments}) runs at once: it waits on nothing and takes
 * well under a millisecond, so it need not queue behind mutations that wait for a provider or for the projection.
 * A document not parsed yet takes a turn like a mutation, since parsing and validating it is the expensive part: a
 * stream of new documents is held to the limit. Outermost, so that a request refused here was never claimed by
 * {@code Idempotency}. Subscriptions (over WebSocket) are not limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrencyLimit implements WebGraphQlInterceptor {

    private final ParsedDocuments documents;
    private final Semaphore permits;
    private final int limit;
    private final Duration queueTimeout;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter refused;

    @Autowired
    ConcurrencyLimit(ParsedDocuments documents, HttpSettings settings, MeterRegistry meters) {
        this(documents, settings.concurrentRequests(), settings.queueTimeout(), settings.maxWaiting(), meters);
    }

    ConcurrencyLimit(ParsedDocuments documents, int configured, Duration queueTimeout, int maxWaiting,
                     MeterRegistry meters) {
        this.documents = documents;
        this.limit = configured > 0 ? configured : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(limit, true);
        this.queueTimeout = queueTimeout;
        this.maxWaiting = maxWaiting;
        Gauge.builder("realname.http.requests.running", () -> limit - permits.availablePermits())
                .description("GraphQL mutations (and documents not parsed yet) running; at most"
                        + " realname.http.concurrent-requests")
                .register(meters);
        Gauge.builder("realname.http.requests.waiting", waiting::get)
                .description("GraphQL mutations (and documents not parsed yet) waiting for their turn")
                .register(meters);
        this.refused = Counter.builder("realname.http.requests.busy")
                .description("GraphQL requests refused with SERVICE_BUSY: the queue was full or its time-out passed")
                .register(meters);
    }

    int limit() {
        return limit;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest || isParsedQuery(request)) {
            return chain.next(request);
        }
        if (!acquire()) {
            refused.increment();
            WebGraphQlResponse busy = RefusedRequests.refuse(request, "SERVICE_BUSY",
                    "The service is busy; try again shortly.", "系统繁忙，请稍后再试。");
            busy.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return Mono.just(busy);
        }
        // Deferred, so that a failure thrown while building the chain's answer still gives the place back.
        return Mono.defer(() -> chain.next(request)).doFinally(signal -> permits.release());
    }

    private boolean isParsedQuery(WebGraphQlRequest request) {
        return documents.parsedOperation(request.getDocument(), request.getOperationName())
                .filter(operation -> operation == Operation.QUERY).isPresent();
    }

    private boolean acquire() {
        try {
            // Timed, even with no wait: the untimed tryAcquire would jump the queue of waiting requests.
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
