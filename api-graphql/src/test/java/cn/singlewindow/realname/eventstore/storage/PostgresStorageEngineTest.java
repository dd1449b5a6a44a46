package cn.singlewindow.realname.eventstore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.api.RunningService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class PostgresStorageEngineTest extends RunningService {

    @Autowired
    EventStorageEngine storage;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventSchema schema;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void reads_every_timestamp_axon_writes_as_axon_would() {
        Random random = new Random(20261129);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
            String written = DateTimeUtils.formatInstant(instant);
            assertThat(PostgresStorageEngine.parse(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written)).isEqualTo(instant);
        }
    }

    @Test
    void leaves_other_forms_to_axons_parser() {
        for (String other : List.of("2026-11-29T12:12:33.123+08:00", "2026-11-29T04:12:33.123456789Z",
                "2026-11-29T04:12:33Z", "+10000-01-01T00:00:00.000Z", "2026-11-29t04:12:33.123z")) {
            assertThat(PostgresStorageEngine.parse(other)).as(other)
                    .isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void refuses_what_axons_parser_refuses() {
        for (String invalid : List.of("2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-11-29T25:00:00.000Z", "2026-11-29T04:60:00.000Z", "2026-11-29T04:12:33.1x3Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(invalid)).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> PostgresStorageEngine.parse(invalid)).as(invalid)
                    .isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void events_read_back_from_the_store_keep_their_timestamp() {
        assertThat(storage).isInstanceOf(PostgresStorageEngine.class);
        String aggregateId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-29T04:12:33.123Z");
        TrackingToken before = storage.createHeadToken();
        storage.appendEvents(new GenericDomainEventMessage<>("TimestampProbe", aggregateId, 0, "probe",
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at));

        DomainEventMessage<?> sourced = storage.readEvents(aggregateId).next();
        assertThat(sourced.getTimestamp()).isEqualTo(at);
        try (Stream<? extends TrackedEventMessage<?>> tracked = storage.readEvents(before, false)) {
            assertThat(tracked.filter(event -> aggregateId.equals(
                    ((DomainEventMessage<?>) event).getAggregateIdentifier())).findFirst())
                    .hasValueSatisfying(event -> assertThat(event.getTimestamp()).isEqualTo(at));
        }
    }

    @Test
    void a_read_ends_with_the_batch_that_reaches_the_head_one_query_per_batch() {
        TrackingToken head = storage.createHeadToken();
        String aggregateId = appendProbes(250);
        AtomicInteger statements = new AtomicInteger();

        List<Long> read = sequencesOf(aggregateId, readerCounting(statements).readEvents(head, false));

        assertThat(read).containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
        assertThat(statements).as("batches of 100, 100 and 50, and no look past the short one").hasValue(3);
    }

    @Test
    void an_event_after_more_unused_indexes_than_a_batch_is_found() {
        TrackingToken head = storage.createHeadToken();
        // Indexes taken by transactions that rolled back: 150 of them, more than a batch of 100.
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'),"
                + " nextval(pg_get_serial_sequence('domain_event_entry', 'global_index')) + 150)", Long.class);
        String aggregateId = appendProbes(1);

        assertThat(sequencesOf(aggregateId, storage.readEvents(head, false))).containsExactly(0L);
    }

    @Test
    void an_event_committed_after_a_later_one_is_read_from_the_gap_it_left() throws Exception {
        TrackingToken head = storage.createHeadToken();
        String slow = UUID.randomUUID().toString();
        String fast = UUID.randomUUID().toString();
        CountDownLatch slowAppended = new CountDownLatch(1);
        CountDownLatch slowMayCommit = new CountDownLatch(1);
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowCommit = otherThread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(
                    status -> {
                        storage.appendEvents(probe(slow, 0));
                        slowAppended.countDown();
                        awaitQuietly(slowMayCommit);
                    }));
            assertThat(slowAppended.await(30, TimeUnit.SECONDS)).isTrue();
            storage.appendEvents(probe(fast, 0));

            List<TrackedEventMessage<?>> first = readAll(storage.readEvents(head, false));
            assertThat(first).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                    .contains(fast).doesNotContain(slow);
            slowMayCommit.countDown();
            slowCommit.get(30, TimeUnit.SECONDS);

            TrackingToken afterFirst = first.get(first.size() - 1).trackingToken();
            assertThat(sequencesOf(slow, storage.readEvents(afterFirst, false))).containsExactly(0L);
        } finally {
            otherThread.shutdownNow();
        }
    }

    /** Appends that many events of a new aggregate; returns its identifier. */
    private String appendProbes(int count) {
        String aggregateId = UUID.randomUUID().toString();
        storage.appendEvents(IntStream.range(0, count).mapToObj(sequence -> probe(aggregateId, sequence)).toList());
        return aggregateId;
    }

    private static DomainEventMessage<String> probe(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("ReadProbe", aggregateId, sequence, "probe");
    }

    private static List<TrackedEventMessage<?>> readAll(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.collect(Collectors.toList());
        }
    }

    private static List<Long> sequencesOf(String aggregateId, Stream<? extends TrackedEventMessage<?>> events) {
        return readAll(events).stream().map(event -> (DomainEventMessage<?>) event)
                .filter(event -> aggregateId.equals(event.getAggregateIdentifier()))
                .map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** An engine as the service's, reading through connections that count the statements they prepare. */
    private PostgresStorageEngine readerCounting(AtomicInteger statements) {
        ConnectionProvider counting = () -> {
            Connection connection = dataSource.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().startsWith("prepare")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException failed) {
                            throw failed.getCause();
                        }
                    });
        };
        return new PostgresStorageEngine(JdbcEventStorageEngine.builder().eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer).connectionProvider(counting)
                .transactionManager(NoTransactionManager.INSTANCE).schema(schema));
    }
}
