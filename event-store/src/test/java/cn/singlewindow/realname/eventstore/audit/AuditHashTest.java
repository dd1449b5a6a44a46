package cn.singlewindow.realname.eventstore.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final byte[] PAYLOAD = "{\"name\":\"测试\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Object> META = Map.of("actor", "account-1", "clientAddress", "10.0.0.1");

    @Test
    void the_hash_covers_the_metadata_but_not_itself() {
        String hash = AuditHash.of("a-1", 3, "Changed", PAYLOAD, META, AuditHash.GENESIS);

        assertThat(hash).startsWith("2:").hasSize(66);
        assertThat(AuditHash.matches(hash, "a-1", 3, "Changed", PAYLOAD,
                Map.of("actor", "account-1", "clientAddress", "10.0.0.1", AuditHash.METADATA_KEY, hash),
                AuditHash.GENESIS)).isTrue();
        assertThat(AuditHash.matches(hash, "a-1", 3, "Changed", PAYLOAD,
                Map.of("actor", "account-2", "clientAddress", "10.0.0.1"), AuditHash.GENESIS)).isFalse();
        assertThat(AuditHash.matches(hash, "a-1", 3, "Changed", PAYLOAD, META, "1".repeat(64))).isFalse();
        assertThat(AuditHash.matches(hash, "a-1", 4, "Changed", PAYLOAD, META, AuditHash.GENESIS)).isFalse();
    }

    @Test
    void events_recorded_before_metadata_was_covered_verify_as_they_were_recorded() {
        String recorded = AuditHash.v1("a-1", 0, "Imported", PAYLOAD, AuditHash.GENESIS);

        assertThat(recorded).hasSize(64);
        assertThat(AuditHash.matches(recorded, "a-1", 0, "Imported", PAYLOAD, META, AuditHash.GENESIS)).isTrue();
        assertThat(AuditHash.matches(recorded, "a-1", 0, "Imported", "{}".getBytes(StandardCharsets.UTF_8), META,
                AuditHash.GENESIS)).isFalse();
        assertThat(AuditHash.matches(null, "a-1", 0, "Imported", PAYLOAD, META, AuditHash.GENESIS)).isFalse();
    }
}
