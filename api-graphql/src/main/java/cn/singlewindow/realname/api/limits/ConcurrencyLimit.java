package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.api.common.GraphQlPosts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a bounded number of GraphQL requests run at once (by default twice the processors, at least 4); the others
 * wait their turn in arrival order, and past the queue time-out get 503 SERVICE_BUSY, as do requests that find
 * {@code max-waiting} already waiting (a waiting request holds a Tomcat thread; the rest are kept for the actuator's
 * health checks and the other endpoints). Beyond {@code concurrent-requests} running, requests
 * only share the processors more thinly: on 2 cores, 32 at once completed no more certifications than 4 did, while
 * the projection threads, which every mutation's answer waits for, got a sliver of the CPU and fell 10 times further
 * behind (docs/performance.md, W4). A request holds its place until its answer is made (on an async dispatch too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConcurrencyLimit extends OncePerRequestFilter {

    static final String BUSY = "{\"errors\":[{\"message\":\"The service is busy; try again shortly.\",\"extensions\":"
            + "{\"code\":\"SERVICE_BUSY\",\"messageZh\":\"系统繁忙，请稍后再试。\"}}]}";

    private final Semaphore permits;
    private final int limit;
    private final Duration queueTimeout;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter refused;

    ConcurrencyLimit(@Value("${realname.http.concurrent-requests:0}") int configured,
                     @Value("${realname.http.queue-timeout:30s}") Duration queueTimeout,
                     @Value("${realname.http.max-waiting:100}") int maxWaiting, MeterRegistry meters) {
        this.limit = configured > 0 ? configured : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        this.permits = new Semaphore(limit, true);
        this.queueTimeout = queueTimeout;
        this.maxWaiting = maxWaiting;
        Gauge.builder("realname.http.requests.running", () -> limit - permits.availablePermits())
                .description("GraphQL requests running (at most realname.http.concurrent-requests)")
                .register(meters);
        Gauge.builder("realname.http.requests.waiting", waiting::get)
                .description("GraphQL requests waiting for their turn to run")
                .register(meters);
        this.refused = Counter.builder("realname.http.requests.busy")
                .description("GraphQL requests refused with SERVICE_BUSY: the queue was full or its time-out passed")
                .register(meters);
    }

    int limit() {
        return limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !GraphQlPosts.isGraphQlPost(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acquire()) {
            refused.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(BUSY.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Release release = new Release();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // The answer is written later, on another thread; the container reports completion only after
                // this dispatch returns, so the listener cannot miss it.
                request.getAsyncContext().addListener(release);
            } else {
                release.run();
            }
        }
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

    /** Gives the place back once, whichever way the request ended. */
    private final class Release implements AsyncListener, Runnable {
        private final AtomicBoolean done = new AtomicBoolean();

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                permits.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
