package cn.singlewindow.realname.api.common;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A subscription query ended the way that cannot race its updates. Once its updates are followed, cancelling them
 * unregisters them; closing as well would end their buffer under a projection thread that may be delivering to it
 * that instant (Axon then logs an ERROR). Updates never followed are unregistered by closing.
 */
public final class FollowedSubscription<I, U> {

    private final SubscriptionQueryResult<I, U> result;
    private final AtomicBoolean followed = new AtomicBoolean();

    public FollowedSubscription(SubscriptionQueryResult<I, U> result) {
        this.result = result;
    }

    public Mono<I> initialResult() {
        return result.initialResult();
    }

    public Flux<U> updates() {
        return result.updates().doOnSubscribe(subscription -> followed.set(true));
    }

    /** For {@code doFinally}, once the reader is done. */
    public void end() {
        if (!followed.get()) {
            result.close();
        }
    }
}
