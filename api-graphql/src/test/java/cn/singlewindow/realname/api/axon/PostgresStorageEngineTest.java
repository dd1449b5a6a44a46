package cn.singlewindow.realname.api.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.api.RunningService;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ParsedTimestampStorageEngineTest extends RunningService {

    @Autowired
    EventStorageEngine storage;

    @Test
    void reads_every_timestamp_axon_writes_as_axon_would() {
        Random random = new Random(20261129);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
            String written = DateTimeUtils.formatInstant(instant);
            assertThat(ParsedTimestampStorageEngine.parse(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written)).isEqualTo(instant);
        }
    }

    @Test
    void leaves_other_forms_to_axons_parser() {
        for (String other : List.of("2026-11-29T12:12:33.123+08:00", "2026-11-29T04:12:33.123456789Z",
                "2026-11-29T04:12:33Z", "+10000-01-01T00:00:00.000Z", "2026-11-29t04:12:33.123z")) {
            assertThat(ParsedTimestampStorageEngine.parse(other)).as(other)
                    .isEqualTo(DateTimeUtils.parseInstant(other));
        }
    }

    @Test
    void refuses_what_axons_parser_refuses() {
        for (String invalid : List.of("2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-11-29T25:00:00.000Z", "2026-11-29T04:60:00.000Z", "2026-11-29T04:12:33.1x3Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(invalid)).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> ParsedTimestampStorageEngine.parse(invalid)).as(invalid)
                    .isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void events_read_back_from_the_store_keep_their_timestamp() {
        assertThat(storage).isInstanceOf(ParsedTimestampStorageEngine.class);
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
}
