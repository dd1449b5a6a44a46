package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.eventstore.storage.EventReadAhead;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of every stream's head. A checkpoint reads the events stored since the last one (through the
 * event store, from the position the last one reached), follows each stream's hash chain from the head signed
 * before, and signs each new head it could follow ({@code audit_signed_head}, one row per stream). A stream whose
 * chain does not follow keeps its old signed head and is counted as refused. The checkpoint's own record, signed too,
 * says how many current heads each checkpoint signed: a head row removed, added, or put back from an older checkpoint
 * changes those counts. Checkpoints run one at a time across nodes (a PostgreSQL advisory lock).
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final long LOCK = 0x7265616c6e616d65L;
    private static final String HEAD_COLUMNS = "aggregate_id, enterprise_id, sequence_number, audit_hash,"
            + " checkpoint_id, key_id, signature";

    /** A stream's head as a checkpoint signed it. */
    record SignedHead(String aggregateId, String enterpriseId, long sequence, String hash, long checkpointId,
                      String keyId, byte[] signature) {

        String content() {
            return "realname-audit-head:1|" + aggregateId + "|" + (enterpriseId == null ? "" : enterpriseId) + "|"
                    + sequence + "|" + hash + "|" + checkpointId;
        }
    }

    /** The last checkpoint, and whether its record and the heads table are as it left them. */
    record Latest(AuditLog.Checkpoint checkpoint, boolean signatureValid, boolean headsAsSigned) {
    }

    private record Head(String enterpriseId, long sequence, String hash) {
    }

    private record Recorded(long id, Instant takenAt, String positionType, byte[] position, long eventsRead,
                            long signed, long refused, String headsByCheckpoint, String keyId, byte[] signature) {

        String content() {
            return "realname-audit-checkpoint:1|" + id + "|" + takenAt.toEpochMilli() + "|"
                    + (positionType == null ? "" : positionType) + "|" + digest(position) + "|" + eventsRead + "|"
                    + signed + "|" + refused + "|" + headsByCheckpoint;
        }

        AuditLog.Checkpoint view() {
            return new AuditLog.Checkpoint(id, takenAt, eventsRead, signed, refused, keyId);
        }
    }

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final Serializer tokenSerializer;
    private final JdbcTemplate jdbc;
    private final CheckpointKeys keys;
    private final TransactionTemplate oneTransaction;
    private final TransactionTemplate consistentRead;
    private final Clock clock;

    Checkpoints(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                Serializer serializer, JdbcTemplate jdbc, CheckpointKeys keys,
                PlatformTransactionManager transactions, Clock clock) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.tokenSerializer = serializer;
        this.jdbc = jdbc;
        this.keys = keys;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
        this.clock = clock;
    }

    /** Takes a checkpoint now (after waiting for one another node may be taking). */
    AuditLog.Checkpoint take() {
        return oneTransaction.execute(tx -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
            Optional<Recorded> previous = recorded();
            long id = previous.map(Recorded::id).orElse(0L) + 1;
            // A last checkpoint that does not verify (forged, or its key no longer trusted) vouches for nothing,
            // its position included: this one reads every event again and signs every stream that chains.
            boolean trusted = previous.filter(last -> keys.verify(last.keyId(), last.content(), last.signature()))
                    .isPresent();
            if (previous.isPresent() && !trusted) {
                log.warn("Audit checkpoint {} does not verify against the trusted keys: reading every event again",
                        id - 1);
            }
            TrackingToken from = trusted ? position(previous.get()) : null;
            TrackingToken head = eventStore.createHeadToken();
            Map<String, Head> heads = new LinkedHashMap<>();
            Set<String> refused = new HashSet<>();
            Map<String, Optional<SignedHead>> signedBefore = new HashMap<>();
            TrackingToken[] last = {from};
            long[] read = {0};
            try (EventReadAhead events = new EventReadAhead(eventStore, from, head)) {
                events.forEach(event -> {
                    read[0]++;
                    last[0] = event.trackingToken();
                    if (event instanceof DomainEventMessage<?> domain) {
                        follow(domain, heads, refused, signedBefore);
                    }
                });
            }
            List<Object[]> rows = new ArrayList<>();
            heads.forEach((aggregateId, next) -> {
                SignedHead signed = new SignedHead(aggregateId, next.enterpriseId(), next.sequence(), next.hash(), id,
                        keys.signingKeyId(), null);
                rows.add(new Object[] {aggregateId, next.enterpriseId(), next.sequence(), next.hash(), id,
                        keys.signingKeyId(), keys.sign(signed.content())});
            });
            jdbc.batchUpdate("INSERT INTO audit_signed_head (" + HEAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (aggregate_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,"
                    + " sequence_number = EXCLUDED.sequence_number, audit_hash = EXCLUDED.audit_hash,"
                    + " checkpoint_id = EXCLUDED.checkpoint_id, key_id = EXCLUDED.key_id,"
                    + " signature = EXCLUDED.signature", rows);
            SerializedObject<byte[]> position = last[0] == null ? null
                    : tokenSerializer.serialize(last[0], byte[].class);
            Recorded unsigned = new Recorded(id, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    position == null ? null : position.getType().getName(), position == null ? null
                    : position.getData(), read[0], heads.size(), refused.size(), headsByCheckpoint(),
                    keys.signingKeyId(), null);
            byte[] signature = keys.sign(unsigned.content());
            jdbc.update("INSERT INTO audit_checkpoint (checkpoint_id, taken_at, position_type, position,"
                            + " events_read, streams_signed, streams_refused, heads_by_checkpoint, key_id, signature)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, Timestamp.from(unsigned.takenAt()),
                    unsigned.positionType(), unsigned.position(), read[0], (long) heads.size(),
                    (long) refused.size(), unsigned.headsByCheckpoint(), unsigned.keyId(), signature);
            log.info("Audit checkpoint {}: {} events read, {} stream heads signed, {} refused", id, read[0],
                    heads.size(), refused.size());
            return unsigned.view();
        });
    }

    /** The last checkpoint as recorded, with what its signature and the heads' counts say of it. */
    Optional<Latest> latest() {
        return consistentRead.execute(tx -> recorded().map(last -> new Latest(last.view(),
                keys.verify(last.keyId(), last.content(), last.signature()),
                last.headsByCheckpoint().equals(headsByCheckpoint()))));
    }

    /** The signed heads of the given streams and of any other stream signed as the enterprise's. */
    Map<String, SignedHead> headsOf(EnterpriseId enterpriseId, Collection<String> streams) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM audit_signed_head WHERE enterprise_id = ?"
                        + " OR aggregate_id = ANY (?)", (rs, row) -> new SignedHead(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBytes(7)),
                enterpriseId.value(), streams.toArray(String[]::new)).stream()
                .collect(Collectors.toMap(SignedHead::aggregateId, head -> head));
    }

    /** Whether the head was signed with a trusted key by a checkpoint on record. */
    boolean valid(SignedHead head, long lastCheckpoint) {
        return head.checkpointId() <= lastCheckpoint && keys.verify(head.keyId(), head.content(), head.signature());
    }

    /**
     * Follows the event's stream: its recorded hash must chain on the head before it (this checkpoint's, the one
     * signed before, or the stored event before it) and hash its own content.
     */
    private void follow(DomainEventMessage<?> event, Map<String, Head> heads, Set<String> refused,
                        Map<String, Optional<SignedHead>> signedBefore) {
        String aggregateId = event.getAggregateIdentifier();
        if (refused.contains(aggregateId)) {
            return;
        }
        long sequence = event.getSequenceNumber();
        Head known = heads.get(aggregateId);
        Optional<SignedHead> signed = known != null || sequence == 0 ? Optional.empty()
                : signedBefore.computeIfAbsent(aggregateId, this::signedHead)
                .filter(head -> keys.verify(head.keyId(), head.content(), head.signature()));
        String previous;
        if (sequence == 0) {
            previous = AuditHash.GENESIS;
        } else if (known != null && known.sequence() == sequence - 1) {
            previous = known.hash();
        } else if (signed.isPresent() && signed.get().sequence() == sequence - 1) {
            previous = signed.get().hash();
        } else {
            previous = storedHash(aggregateId, sequence - 1);
        }
        String recorded = (String) event.getMetaData().get(AuditHash.METADATA_KEY);
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        if (!AuditHash.matches(recorded, aggregateId, sequence, payload.getType().getName(), payload.getData(),
                event.getMetaData(), previous)) {
            log.error("Audit checkpoint: the chain of {} breaks at sequence {}; its signed head stays as it was",
                    aggregateId, sequence);
            refused.add(aggregateId);
            heads.remove(aggregateId);
            return;
        }
        String enterpriseId = event.getPayload() instanceof EnterpriseEvent owned && owned.enterpriseId() != null
                ? owned.enterpriseId().value()
                : known != null ? known.enterpriseId() : signed.map(SignedHead::enterpriseId).orElse(null);
        heads.put(aggregateId, new Head(enterpriseId, sequence, recorded));
    }

    private Optional<SignedHead> signedHead(String aggregateId) {
        return jdbc.query("SELECT " + HEAD_COLUMNS + " FROM audit_signed_head WHERE aggregate_id = ?",
                (rs, row) -> new SignedHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getBytes(7)), aggregateId).stream().findFirst();
    }

    private String storedHash(String aggregateId, long sequence) {
        return eventStore.readEvents(aggregateId, sequence).asStream()
                .filter(event -> event.getSequenceNumber() == sequence).findFirst()
                .map(event -> (String) event.getMetaData().get(AuditHash.METADATA_KEY))
                .orElse(AuditHash.GENESIS);
    }

    private Optional<Recorded> recorded() {
        return jdbc.query("SELECT checkpoint_id, taken_at, position_type, position, events_read, streams_signed,"
                        + " streams_refused, heads_by_checkpoint, key_id, signature FROM audit_checkpoint"
                        + " ORDER BY checkpoint_id DESC LIMIT 1",
                (rs, row) -> new Recorded(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getBytes(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
                        rs.getString(9), rs.getBytes(10))).stream().findFirst();
    }

    /** "checkpoint:heads" for each checkpoint that signed a current head, ascending. */
    private String headsByCheckpoint() {
        return String.join(",", jdbc.query("SELECT checkpoint_id, count(*) FROM audit_signed_head"
                + " GROUP BY checkpoint_id ORDER BY checkpoint_id", (rs, row) -> rs.getLong(1) + ":" + rs.getLong(2)));
    }

    private TrackingToken position(Recorded recorded) {
        return recorded.position() == null ? null : tokenSerializer.deserialize(new SimpleSerializedObject<>(
                recorded.position(), byte[].class, recorded.positionType(), null));
    }

    private static String digest(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
