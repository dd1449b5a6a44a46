package cn.singlewindow.realname.api.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Lets a mutation answer with the state its own command produced: subscribes to the read model and waits
 * until the projected version reaches the one the command reported. Past the time-out it answers with what
 * the read model has rather than fail a command that did succeed.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private static final Duration REREAD_EVERY = Duration.ofMillis(250);
    private static final Duration LAG_OBJECTIVE = Duration.ofMillis(100);

    private final QueryGateway queries;
    private final Duration timeout;
    private final Timer lag;
    private final Counter fallbacks;

    ReadYourWrites(QueryGateway queries,
                   ConsistencySettings settings,
                   MeterRegistry meters) {
        this.queries = queries;
        this.timeout = settings.readYourWritesTimeout();
        // Commit to visible: from the command's answer (its events committed) to its version in the read model.
        this.lag = Timer.builder("realname.projection.lag")
                .description("Time from a command's commit until its change is visible in the read model")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                // A bucket at the 100 ms objective (W4's, docs/performance.md), so the share within it is exact, not a bound.
                .serviceLevelObjectives(LAG_OBJECTIVE)
                .register(meters);
        this.fallbacks = Counter.builder("realname.projection.lag.timeouts")
                .description("Mutations that answered from the read model without their own change in it")
                .register(meters);
    }

    public <Q, V> CompletableFuture<V> await(Q query, Class<V> viewType, ToLongFunction<V> versionOf,
                                             long minimumVersion) {
        long committedAt = System.nanoTime();
        return withSubscription(query, viewType, (current, updates) ->
                awaitVersion(query, viewType, versionOf, minimumVersion, committedAt, current, updates));
    }

    /**
     * For a mutation that reads what it changes first (to check who may change it): the subscription's first answer
     * is that read, {@code change} checks it and sends the command, answering the version to wait for. One query
     * less than reading, then subscribing; an update the command causes before the wait begins is kept for it.
     */
    public <Q, V> CompletableFuture<V> changeThenAwait(Q query, Class<V> viewType, ToLongFunction<V> versionOf,
                                                       Function<Optional<V>, CompletionStage<Long>> change) {
        return withSubscription(query, viewType, (current, updates) ->
                Mono.fromCompletionStage(change.apply(current)).flatMap(minimumVersion ->
                        awaitVersion(query, viewType, versionOf, minimumVersion, System.nanoTime(), current, updates)));
    }

    private <Q, V> CompletableFuture<V> withSubscription(Q query, Class<V> viewType,
                                                         BiFunction<Optional<V>, Flux<V>, Mono<V>> then) {
        FollowedSubscription<Optional<V>, V> subscription = new FollowedSubscription<>(queries.subscriptionQuery(query,
                ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType)));
        return subscription.initialResult()
                .flatMap(current -> then.apply(current, subscription.updates()))
                .doFinally(signal -> subscription.end())
                // The update arrives on a projection thread; the rest of the mutation (more queries, the answer)
                // runs elsewhere, so the projection goes on with other commands' changes meanwhile.
                .publishOn(Schedulers.boundedElastic())
                .toFuture();
    }

    /** The first state at {@code minimumVersion} or later: the one read first, an update, or a read again. */
    private <Q, V> Mono<V> awaitVersion(Q query, Class<V> viewType, ToLongFunction<V> versionOf, long minimumVersion,
                                        long committedAt, Optional<V> current, Flux<V> updates) {
        // Updates come from this node's processor only: a change applied by another node's (which holds the row's
        // segment) is found by reading the read model again meanwhile.
        Flux<V> rereads = Flux.interval(REREAD_EVERY, Schedulers.boundedElastic())
                .concatMap(tick -> Mono.fromFuture(queries.query(query, ResponseTypes.optionalInstanceOf(viewType)))
                        .flatMap(Mono::justOrEmpty));
        return Flux.merge(Flux.concat(Mono.justOrEmpty(current), updates), rereads)
                .filter(view -> versionOf.applyAsLong(view) >= minimumVersion)
                .next()
                .doOnNext(view -> lag.record(System.nanoTime() - committedAt, TimeUnit.NANOSECONDS))
                .timeout(timeout, Mono.defer(() -> {
                    fallbacks.increment();
                    log.warn("Read model did not reach version {} of {} within {}; answering with what it has",
                            minimumVersion, query, timeout);
                    return Mono.fromFuture(queries.query(query, ResponseTypes.optionalInstanceOf(viewType)))
                            .flatMap(Mono::justOrEmpty);
                }));
    }
}
