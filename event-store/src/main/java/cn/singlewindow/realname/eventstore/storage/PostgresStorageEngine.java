package cn.singlewindow.realname.eventstore.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, with two changes.
 *
 * <p>Each event's timestamp is parsed once, by a parser for the one format Axon writes. Axon's entries keep the text
 * and parse it with a general ISO formatter on every call: once to compute the tracking token, again for each
 * handler that asks, 13% of a projection rebuild's thread.
 *
 * <p>A read of tracked events stops at the head with the batch that reaches it. Axon reads a window of global
 * indexes, which can hold fewer events than it spans, so it reads on until a window comes back empty and then asks
 * where the next event is: three queries per stream and commit where one does. Here a batch is the next events after
 * the token (and those filling its gaps), at most a batch of them, so a short batch means nothing more is stored.
 */
class PostgresStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, given to the builder too: its own copies are private. */
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    PostgresStorageEngine(Builder builder) {
        super(builder.gapTimeout(GAP_TIMEOUT_MILLIS).maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .readEventDataWithoutGaps(PostgresStorageEngine::nextAfter)
                .readEventDataWithGaps(PostgresStorageEngine::gapsAndNextAfter)
                // An empty batch now means nothing is stored after the token: there is nothing further to look for.
                .extendedGapCheckEnabled(false));
    }

    /** The events after the token, read a batch at a time, ending with the first batch that is not full. */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken after, boolean mayBlock) {
        return StreamSupport.stream(new Spliterators.AbstractSpliterator<TrackedEventData<?>>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private TrackingToken last = after;
            private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
            private boolean headReached;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
                if (!batch.hasNext()) {
                    if (headReached) {
                        return false;
                    }
                    List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(last, batchSize());
                    headReached = fetched.size() < batchSize();
                    batch = fetched.iterator();
                    if (!batch.hasNext()) {
                        return false;
                    }
                }
                TrackedEventData<?> next = batch.next();
                last = next.trackingToken();
                action.accept(next);
                return true;
            }
        }, false);
    }

    private static PreparedStatement nextAfter(Connection connection, EventSchema schema, long globalIndex,
                                               int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(next(schema));
        statement.setLong(1, globalIndex);
        statement.setInt(2, batchSize);
        return statement;
    }

    /** The stored events among the token's gaps, then the next ones after it (each part an index scan). */
    private static PreparedStatement gapsAndNextAfter(Connection connection, EventSchema schema, long globalIndex,
                                                      int batchSize, List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        PreparedStatement statement = connection.prepareStatement("(SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable() + " WHERE " + index + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) UNION ALL (" + next(schema)
                + ") ORDER BY " + index);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 1, gaps.get(i));
        }
        statement.setLong(gaps.size() + 1, globalIndex);
        statement.setInt(gaps.size() + 2, batchSize);
        return statement;
    }

    private static String next(EventSchema schema) {
        return "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
    }

    /** As Axon's, with the event's timestamp parsed once. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Entry domainEvent = new Entry(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));

        boolean allowGaps = domainEvent.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return new Entry(resultSet.getString(schema.typeColumn()),
                resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getLong(schema.sequenceNumberColumn()), resultSet.getString(schema.eventIdentifierColumn()),
                resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp was parsed when it was read. */
    static final class Entry extends GenericDomainEventEntry<Object> {
        private final Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
              String timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /**
     * "2026-11-29T04:12:33.123Z", the only form Axon writes, read directly; anything else (events written by other
     * tools, other offsets) goes to Axon's own parser.
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60 && millis >= 0) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second,
                            millis * 1_000_000L);
                } catch (DateTimeException invalidDate) {
                    // Falls through to Axon's parser, which reports it as it always did.
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The number written in {@code length} decimal digits from {@code start}; -1 if any is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
