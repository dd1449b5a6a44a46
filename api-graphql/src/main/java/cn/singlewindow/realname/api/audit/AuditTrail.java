package cn.singlewindow.realname.api.audit;

import cn.singlewindow.realname.api.privacy.SealedPersons;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The enterprise's history as stored: its own event stream and those of its accounts, read from the event store
 * itself, oldest first, with personal data masked; and the check of each stream's SM3 hash chain.
 */
@Component
class AuditTrail {

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

    record Entry(long cursor, String aggregateId, long sequence, Instant occurredAt, String eventType,
                 String attemptId, String method, String step, String outcome, String reasonCode, String actor,
                 String clientAddress, String correlationId, String details) {
    }

    record ChainReport(boolean intact, int eventsChecked, Long firstBrokenSequence, String brokenAggregateId) {
    }

    private record Stored(long globalIndex, String aggregateId, long sequence, String payloadType, byte[] payload,
                          byte[] metaData, String timestamp) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SealedPersons sealedPersons;

    AuditTrail(JdbcTemplate jdbc, ObjectMapper json, SealedPersons sealedPersons) {
        this.jdbc = jdbc;
        this.json = json;
        this.sealedPersons = sealedPersons;
    }

    /** Entries after the cursor (a global index), at most {@code limit}, oldest first. */
    List<Entry> entries(EnterpriseId enterpriseId, long afterCursor, int limit) {
        return stored(enterpriseId, "AND global_index > ? ORDER BY global_index LIMIT ?", afterCursor, limit)
                .stream().map(this::decode).toList();
    }

    ChainReport verify(EnterpriseId enterpriseId) {
        List<Stored> events = stored(enterpriseId, "ORDER BY aggregate_identifier, sequence_number");
        int checked = 0;
        Stored firstBroken = null;
        String aggregate = null;
        String previous = AuditHash.GENESIS;
        long expectedSequence = 0;
        for (Stored event : events) {
            if (!event.aggregateId().equals(aggregate)) {
                aggregate = event.aggregateId();
                previous = AuditHash.GENESIS;
                expectedSequence = 0;
            }
            checked++;
            String recorded = text(metaData(event), AuditHash.METADATA_KEY);
            String computed = AuditHash.of(event.aggregateId(), event.sequence(), event.payloadType(),
                    event.payload(), previous);
            boolean broken = event.sequence() != expectedSequence || !computed.equals(recorded);
            if (broken && (firstBroken == null || event.globalIndex() < firstBroken.globalIndex())) {
                firstBroken = event;
            }
            // Go on from what was recorded, so one edit is reported once, where it happened.
            previous = recorded == null ? computed : recorded;
            expectedSequence = event.sequence() + 1;
        }
        return firstBroken == null ? new ChainReport(true, checked, null, null)
                : new ChainReport(false, checked, firstBroken.sequence(), firstBroken.aggregateId());
    }

    private List<Stored> stored(EnterpriseId enterpriseId, String tail, Object... arguments) {
        List<String> aggregates = new ArrayList<>(jdbc.queryForList(
                "SELECT account_id FROM account_credential WHERE enterprise_id = ?", String.class,
                enterpriseId.value()));
        aggregates.add(enterpriseId.value());
        List<Object> parameters = new ArrayList<>(aggregates);
        parameters.addAll(List.of(arguments));
        String placeholders = String.join(", ", java.util.Collections.nCopies(aggregates.size(), "?"));
        return jdbc.query("SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload,"
                        + " meta_data, time_stamp FROM domain_event_entry WHERE aggregate_identifier IN ("
                        + placeholders + ") " + tail,
                (rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getString(7)),
                parameters.toArray());
    }

    private Entry decode(Stored event) {
        // Opened before masking; an erased person's fields show as personalDataErased.
        JsonNode payload = sealedPersons.opened(read(event.payload()), json);
        JsonNode metaData = metaData(event);
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        String outcome = FAILURE_WORDS.stream().anyMatch(type::contains) ? "FAILED"
                : PASS_WORDS.stream().anyMatch(type::contains) ? "PASSED" : null;
        String reason = firstText(payload, "failureCode", "reasonCode", "reason");
        if (outcome == null && type.endsWith("Attempted")) {
            outcome = reason == null ? "PASSED" : "FAILED";
        }
        return new Entry(event.globalIndex(), event.aggregateId(), event.sequence(), Instant.parse(event.timestamp()),
                type, text(payload, "attemptId"), text(payload, "method"), firstText(payload, "step", "subject"),
                outcome, reason, text(metaData, AuditMetadata.ACTOR), text(metaData, AuditMetadata.CLIENT_ADDRESS),
                text(metaData, AuditMetadata.CORRELATION_ID), mask(payload).toString());
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

    private JsonNode metaData(Stored event) {
        return event.metaData() == null ? json.createObjectNode() : read(event.metaData());
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
