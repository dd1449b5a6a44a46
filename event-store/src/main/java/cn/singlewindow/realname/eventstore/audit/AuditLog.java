package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What auditors read of the stored history, read through Axon's event store (per-aggregate streams), so it answers
 * alike on every engine: an enterprise's trail, the enterprise as it stood at an instant, and whether its history is
 * as it was appended, judged by each event's SM3 chain and by checkpoints signed with a key the database never sees.
 */
public interface AuditLog {

    /** One stored event of the enterprise or of one of its accounts; {@code details} is masked JSON. */
    record Entry(String cursor, String aggregateId, long sequence, Instant occurredAt, String eventType,
                 String attemptId, String method, String step, String outcome, String reasonCode, String actor,
                 String clientAddress, String correlationId, String details) {
    }

    record Page(List<Entry> entries, boolean hasMore) {
    }

    /** What a check of the history found; none means it is intact. */
    enum FindingKind {
        /** An event's payload or metadata no longer hashes to what was recorded. */
        EVENT_EDITED,
        /** A sequence number is missing from the middle of a stream. */
        EVENT_REMOVED,
        /** A stream ends before the head a checkpoint signed. */
        TAIL_REMOVED,
        /** A stream's chain is whole but differs from what a checkpoint signed: rewritten without the key. */
        STREAM_REWRITTEN,
        /** A checkpoint signed a stream of which no event is left. */
        STREAM_MISSING,
        /** The enterprise has no events at all. */
        NO_EVENTS,
        /** A checkpoint, or a stream's signed head, does not verify against the trusted keys, or rows were altered. */
        CHECKPOINT_INVALID
    }

    record Finding(FindingKind kind, String aggregateId, Long sequence, String detail) {
    }

    /** A signed record of every stream's head; {@code keyId} names the signing key (SM3 of its public key). */
    record Checkpoint(long id, Instant takenAt, long eventsRead, long streamsSigned, long streamsRefused,
                      String keyId) {
    }

    /**
     * {@code firstBrokenSequence} and {@code brokenAggregateId} name the first finding that has a place;
     * {@code eventsAfterCheckpoint} counts the events the last valid checkpoint does not cover yet.
     */
    record ChainReport(boolean intact, int eventsChecked, Long firstBrokenSequence, String brokenAggregateId,
                       List<Finding> findings, Checkpoint checkpoint, long eventsAfterCheckpoint) {
    }

    /** Entries after the cursor (null: from the first), at most {@code limit}, oldest first. */
    Page trail(EnterpriseId enterpriseId, String afterCursor, int limit);

    /** Checks every stream of the enterprise. */
    ChainReport verify(EnterpriseId enterpriseId);

    /** The enterprise as it stood at that instant; empty when it did not exist yet. */
    Optional<EnterpriseView> asOf(EnterpriseId enterpriseId, Instant at);

    /** Signs the heads of every stream changed since the last checkpoint, now. */
    Checkpoint takeCheckpoint();
}
