package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.eventstore.privacy.SealedPersons;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The enterprise's history as stored: its own event stream and those of its accounts, each read from Axon's event
 * store by aggregate (so on any engine), merged oldest first, personal data masked; the enterprise folded as of an
 * instant; and the check of every stream against its hash chain and the last signed checkpoint.
 */
@Component
class StoredHistory implements AuditLog {

    private static final Map<String, UnaryOperator<String>> MASKED_FIELDS = Map.of(
            "documentNumber", Masking::documentNumber,
            "legalRepDocumentNumber", Masking::documentNumber,
            "idNumber", Masking::documentNumber,
            "holderIdNumber", Masking::documentNumber,
            "bankCardNumber", Masking::bankCard,
            "cardNumber", Masking::bankCard,
            "phone", Masking::phone);
    private static final Set<String> FAILURE_WORDS = Set.of("Failed", "Rejected", "Expired");
    private static final Set<String> PASS_WORDS = Set.of("Passed", "Verified", "LoggedIn");

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ObjectMapper json;
    private final SealedPersons sealedPersons;
    private final EnterpriseStreams streams;
    private final Checkpoints checkpoints;

    StoredHistory(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper json,
                  SealedPersons sealedPersons, EnterpriseStreams streams, Checkpoints checkpoints) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.json = json;
        this.sealedPersons = sealedPersons;
        this.streams = streams;
        this.checkpoints = checkpoints;
    }

    @Override
    public Page trail(EnterpriseId enterpriseId, String afterCursor, int limit) {
        TrailCursor after = TrailCursor.decode(afterCursor);
        Map<String, Long> next = new LinkedHashMap<>(after == null ? Map.of() : after.nextSequences());
        PriorityQueue<StreamReader> readers = new PriorityQueue<>(Comparator.comparing(StreamReader::position));
        for (String stream : streamsOf(enterpriseId)) {
            StreamReader reader = new StreamReader(stream, stream.equals(enterpriseId.value()) ? 0 : 1,
                    eventStore.readEvents(stream, next.getOrDefault(stream, 0L)).asStream().iterator());
            reader.skipTo(after == null ? null : after.last());
            if (reader.current != null) {
                readers.add(reader);
            }
        }
        List<Entry> entries = new ArrayList<>();
        while (!readers.isEmpty() && entries.size() < limit) {
            StreamReader reader = readers.poll();
            DomainEventMessage<?> event = reader.current;
            TrailCursor.Position position = reader.position();
            next.put(reader.stream, event.getSequenceNumber() + 1);
            entries.add(decode(event, new TrailCursor(position, Map.copyOf(next)).encode()));
            reader.advance();
            if (reader.current != null) {
                readers.add(reader);
            }
        }
        return new Page(entries, !readers.isEmpty());
    }

    @Override
    public Optional<EnterpriseView> asOf(EnterpriseId enterpriseId, Instant at) {
        HistoryFold fold = new HistoryFold();
        eventStore.readEvents(enterpriseId.value(), 0).asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(at))
                .forEach(event -> fold.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        List<AccountView> accounts = new ArrayList<>();
        for (String accountId : streams.accountsOf(enterpriseId)) {
            AccountFold account = new AccountFold();
            eventStore.readEvents(accountId, 0).asStream()
                    .takeWhile(event -> !event.getTimestamp().isAfter(at))
                    .forEach(event -> account.apply(event.getPayload(), event.getSequenceNumber()));
            Optional.ofNullable(account.view(new AccountId(accountId), enterpriseId)).ifPresent(accounts::add);
        }
        return Optional.ofNullable(fold.view(enterpriseId, List.copyOf(accounts)));
    }

    @Override
    public ChainReport verify(EnterpriseId enterpriseId) {
        Optional<Checkpoints.Latest> latest = checkpoints.latest();
        List<Finding> findings = new ArrayList<>();
        long lastCheckpoint = latest.map(last -> last.checkpoint().id()).orElse(0L);
        latest.ifPresent(last -> {
            if (!last.signatureValid()) {
                findings.add(new Finding(FindingKind.CHECKPOINT_INVALID, null, null,
                        "checkpoint " + lastCheckpoint + " does not verify against the trusted keys"));
            }
            if (!last.headsAsSigned()) {
                findings.add(new Finding(FindingKind.CHECKPOINT_INVALID, null, null,
                        "signed heads were removed, added or replaced since checkpoint " + lastCheckpoint));
            }
        });
        Set<String> known = streamsOf(enterpriseId);
        Map<String, Checkpoints.SignedHead> signed = checkpoints.headsOf(enterpriseId, known);
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(signed.keySet());
        int checked = 0;
        long afterCheckpoint = 0;
        for (String stream : all) {
            Checkpoints.SignedHead head = signed.get(stream);
            if (head != null && !checkpoints.valid(head, lastCheckpoint)) {
                findings.add(new Finding(FindingKind.CHECKPOINT_INVALID, stream, head.sequence(),
                        "the stream's signed head does not verify"));
                head = null;
            }
            StreamCheck check = new StreamCheck(stream, head);
            eventStore.readEvents(stream, 0).asStream().forEach(check::accept);
            findings.addAll(check.end(stream.equals(enterpriseId.value())));
            checked += check.events;
            afterCheckpoint += check.afterHead;
        }
        Finding first = findings.stream().filter(finding -> finding.aggregateId() != null).findFirst()
                .orElse(findings.isEmpty() ? null : findings.get(0));
        return new ChainReport(findings.isEmpty(), checked, first == null ? null : first.sequence(),
                first == null ? null : first.aggregateId(), List.copyOf(findings),
                latest.map(Checkpoints.Latest::checkpoint).orElse(null), afterCheckpoint);
    }

    @Override
    public Checkpoint takeCheckpoint() {
        return checkpoints.take();
    }

    /** The enterprise's own stream first, then its accounts'. */
    private Set<String> streamsOf(EnterpriseId enterpriseId) {
        Set<String> streams = new LinkedHashSet<>();
        streams.add(enterpriseId.value());
        streams.addAll(this.streams.accountsOf(enterpriseId));
        return streams;
    }

    /** One stream's events in order, its current event's place in the trail known. */
    private static final class StreamReader {
        private final String stream;
        private final int rank;
        private final Iterator<? extends DomainEventMessage<?>> events;
        private DomainEventMessage<?> current;

        StreamReader(String stream, int rank, Iterator<? extends DomainEventMessage<?>> events) {
            this.stream = stream;
            this.rank = rank;
            this.events = events;
            advance();
        }

        void advance() {
            current = events.hasNext() ? events.next() : null;
        }

        /** Past every event at or before the place a page ended. */
        void skipTo(TrailCursor.Position last) {
            while (last != null && current != null && position().compareTo(last) <= 0) {
                advance();
            }
        }

        TrailCursor.Position position() {
            return new TrailCursor.Position(current.getTimestamp(), rank, stream, current.getSequenceNumber());
        }
    }

    /** A stream walked once: its chain, its sequence numbers, and its signed head. */
    private final class StreamCheck {
        private final String stream;
        private final Checkpoints.SignedHead head;
        private final List<Finding> findings = new ArrayList<>();
        private String previous = AuditHash.GENESIS;
        private long expected;
        private int events;
        private long afterHead;
        private boolean editedBeforeHead;
        private String recordedAtHead;

        StreamCheck(String stream, Checkpoints.SignedHead head) {
            this.stream = stream;
            this.head = head;
        }

        void accept(DomainEventMessage<?> event) {
            events++;
            long sequence = event.getSequenceNumber();
            if (sequence != expected) {
                findings.add(new Finding(FindingKind.EVENT_REMOVED, stream, expected,
                        "sequence " + expected + " is missing; the next stored is " + sequence));
            }
            String recorded = (String) event.getMetaData().get(AuditHash.METADATA_KEY);
            SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
            boolean edited = !AuditHash.matches(recorded, stream, sequence, payload.getType().getName(),
                    payload.getData(), event.getMetaData(), previous);
            if (edited && sequence == expected) {
                findings.add(new Finding(FindingKind.EVENT_EDITED, stream, sequence,
                        "its payload or metadata no longer hashes to what was recorded"));
            }
            if (head == null || sequence > head.sequence()) {
                afterHead++;
            } else {
                editedBeforeHead |= edited || sequence != expected;
                if (sequence == head.sequence()) {
                    recordedAtHead = recorded;
                }
            }
            // Go on from what was recorded, so one edit is reported once, where it happened.
            previous = recorded == null ? AuditHash.GENESIS : recorded;
            expected = sequence + 1;
        }

        List<Finding> end(boolean enterpriseStream) {
            if (events == 0) {
                findings.add(head != null
                        ? new Finding(FindingKind.STREAM_MISSING, stream, 0L, "checkpoint " + head.checkpointId()
                        + " signed it up to sequence " + head.sequence() + "; no event of it is left")
                        : enterpriseStream ? new Finding(FindingKind.NO_EVENTS, stream, null,
                        "no event of the enterprise is stored") : null);
            } else if (head != null && expected <= head.sequence()) {
                findings.add(new Finding(FindingKind.TAIL_REMOVED, stream, expected, "checkpoint "
                        + head.checkpointId() + " signed it up to sequence " + head.sequence()
                        + "; it now ends at " + (expected - 1)));
            } else if (head != null && !head.hash().equals(recordedAtHead) && !editedBeforeHead) {
                findings.add(new Finding(FindingKind.STREAM_REWRITTEN, stream, head.sequence(), "its chain is"
                        + " whole but differs from what checkpoint " + head.checkpointId() + " signed"));
            }
            findings.removeIf(finding -> finding == null);
            return findings;
        }
    }

    private Entry decode(DomainEventMessage<?> event, String cursor) {
        SerializedObject<byte[]> stored = event.serializePayload(eventSerializer, byte[].class);
        // Opened before masking; an erased person's fields show as personalDataErased.
        JsonNode payload = sealedPersons.opened(read(stored.getData()), json);
        Map<String, ?> metaData = event.getMetaData();
        String payloadType = stored.getType().getName();
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        // A refusal recorded before any check was made (Refusal events: ...Refused) is told apart from a failed check.
        String outcome = type.endsWith("Refused") ? "REFUSED" : FAILURE_WORDS.stream().anyMatch(type::contains)
                ? "FAILED" : PASS_WORDS.stream().anyMatch(type::contains) ? "PASSED" : null;
        String reason = firstText(payload, "failureCode", "reasonCode", "reason");
        if (outcome == null && type.endsWith("Attempted")) {
            outcome = reason == null ? "PASSED" : "FAILED";
        }
        return new Entry(cursor, event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                type, text(payload, "attemptId"), text(payload, "method"), firstText(payload, "step", "subject"),
                outcome, reason, string(metaData.get(AuditMetadata.ACTOR)),
                string(metaData.get(AuditMetadata.CLIENT_ADDRESS)), string(metaData.get(AuditMetadata.CORRELATION_ID)),
                mask(payload).toString());
    }

    private JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                UnaryOperator<String> masking = MASKED_FIELDS.get(field.getKey());
                if (masking != null && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(masking.apply(field.getValue().asText())));
                } else {
                    field.setValue(mask(field.getValue()));
                }
            }
            return copy;
        }
        return node;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
