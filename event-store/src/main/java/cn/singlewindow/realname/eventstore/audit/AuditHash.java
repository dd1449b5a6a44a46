package cn.singlewindow.realname.eventstore.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The tamper-evidence hash of one stored event, kept in its metadata ({@link #METADATA_KEY}): SM3 over its aggregate,
 * sequence number, payload type, serialized payload, its other metadata (who, from where, which request) and the
 * previous event's recorded hash of the same aggregate, so changing, removing or reordering any event breaks every
 * hash after it.
 *
 * <p>Recorded as {@code 2:<hex>}. Events stored before metadata was covered carry a bare hex hash over the other
 * parts ({@link #v1}); they still verify as what they are, and a later event chains on whatever was recorded.
 */
final class AuditHash {

    static final String METADATA_KEY = "auditHash";
    /** The "previous hash" of an aggregate's first event. */
    static final String GENESIS = "0".repeat(64);
    private static final String V2 = "2:";

    private AuditHash() {
    }

    /** The hash an event is recorded with now. */
    static String of(String aggregateId, long sequence, String payloadType, byte[] payload,
                     Map<String, ?> metaData, String previousHash) {
        return V2 + hex(aggregateId, sequence, payloadType, payload, canonical(metaData), previousHash);
    }

    /** The hash of events recorded before metadata was covered. */
    static String v1(String aggregateId, long sequence, String payloadType, byte[] payload, String previousHash) {
        return hex(aggregateId, sequence, payloadType, payload, null, previousHash);
    }

    /** Whether {@code recorded} is the hash of these parts, in the version it was recorded in. */
    static boolean matches(String recorded, String aggregateId, long sequence, String payloadType, byte[] payload,
                           Map<String, ?> metaData, String previousHash) {
        if (recorded == null) {
            return false;
        }
        String computed = recorded.startsWith(V2)
                ? of(aggregateId, sequence, payloadType, payload, metaData, previousHash)
                : v1(aggregateId, sequence, payloadType, payload, previousHash);
        return computed.equals(recorded);
    }

    /** Every entry but the hash itself, sorted, one {@code key=value} per line: the same on every engine. */
    private static byte[] canonical(Map<String, ?> metaData) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(metaData).forEach((key, value) -> {
            if (!METADATA_KEY.equals(key)) {
                text.append(key).append('=').append(value).append('\n');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(String aggregateId, long sequence, String payloadType, byte[] payload, byte[] metaData,
                              String previousHash) {
        SM3Digest digest = new SM3Digest();
        byte[][] parts = metaData == null
                ? new byte[][] {bytes(aggregateId), Long.toString(sequence).getBytes(StandardCharsets.US_ASCII),
                        bytes(payloadType), payload, previousHash.getBytes(StandardCharsets.US_ASCII)}
                : new byte[][] {bytes(aggregateId), Long.toString(sequence).getBytes(StandardCharsets.US_ASCII),
                        bytes(payloadType), payload, metaData, previousHash.getBytes(StandardCharsets.US_ASCII)};
        for (byte[] part : parts) {
            byte[] length = Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII);
            digest.update(length, 0, length.length);
            digest.update((byte) ':');
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
