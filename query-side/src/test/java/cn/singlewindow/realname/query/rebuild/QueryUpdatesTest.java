package cn.singlewindow.realname.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.Test;

class QueryUpdatesTest {

    record FindThing(String id) {
    }

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ProjectionUpdates updates = new QueryUpdates(emitter);
    private final AtomicInteger built = new AtomicInteger();
    private final Supplier<String> costlyUpdate = () -> "state " + built.incrementAndGet();

    @Test
    void an_update_nobody_subscribed_to_is_never_built() {
        inUnitOfWork(() -> updates.emit(FindThing.class, query -> query.id().equals("a"), costlyUpdate));
        assertThat(built).hasValue(0);
    }

    @Test
    void a_subscriber_gets_the_update_built_once_after_the_commit() {
        List<Object> received = subscribe(new FindThing("a"));
        subscribe(new FindThing("b"));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("event"));
        updates.emit(FindThing.class, query -> query.id().equals("a"), costlyUpdate);
        assertThat(built).as("not before the commit").hasValue(0);
        unitOfWork.commit();

        assertThat(built).hasValue(1);
        assertThat(received).containsExactly("state 1");
    }

    @Test
    void nothing_is_built_for_subscribers_of_other_rows_or_during_a_rebuild() {
        subscribe(new FindThing("b"));
        inUnitOfWork(() -> updates.emit(FindThing.class, query -> query.id().equals("a"), costlyUpdate));
        subscribe(new FindThing("a"));
        QueryUpdates.silently(() -> {
            inUnitOfWork(() -> updates.emit(FindThing.class, query -> query.id().equals("a"), costlyUpdate));
            return null;
        });
        assertThat(built).hasValue(0);
    }

    private List<Object> subscribe(FindThing query) {
        UpdateHandlerRegistration<Object> registration = emitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(query, ResponseTypes.instanceOf(String.class),
                        ResponseTypes.instanceOf(String.class)), 16);
        List<Object> received = new ArrayList<>();
        registration.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload).subscribe(received::add);
        return received;
    }

    private static void inUnitOfWork(Runnable work) {
        DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("event")).execute(work);
    }
}
