package cn.singlewindow.realname.api.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The tamper-evidence hash of one stored event: SM3 over its aggregate, sequence number, payload type, serialized
 * payload and the previous event's hash of the same aggregate (so changing, removing or reordering any event breaks
 * every hash after it).
 */
final class AuditHash {

    static final String METADATA_KEY = "auditHash";
    /** The "previous hash" of an aggregate's first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String aggregateId, long sequence, String payloadType, byte[] payload, String previousHash) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : new byte[][] {aggregateId.getBytes(StandardCharsets.UTF_8),
                Long.toString(sequence).getBytes(StandardCharsets.US_ASCII),
                payloadType.getBytes(StandardCharsets.UTF_8), payload,
                previousHash.getBytes(StandardCharsets.US_ASCII)}) {
            byte[] length = Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII);
            digest.update(length, 0, length.length);
            digest.update((byte) ':');
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
