package cn.singlewindow.realname.eventstore.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi;
import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.RunningService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

/**
 * What someone who can write the database, but holds no key, can do to the history, and how the audit finds each:
 * the SM3 chain catches edits and gaps; the signed checkpoint catches a removed tail, a stream rewritten with its
 * chain recomputed, a stream deleted, and its own rows forged or removed. On its own service, since it tampers.
 */
@TestPropertySource(properties = {"realname.embedded-db.data-dir=${realname.data-dir}/pgdata-tampered",
        "realname.audit.checkpoint-interval=0"})
class TamperEvidenceTest extends RunningService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Autowired
    ObjectMapper json;

    private HttpGraphQlTester operations;
    private HttpGraphQlTester auditor;

    /** An enterprise with a few events of its own and its administrator's, and a checkpoint signing them. */
    private ImportedEnterprise signedHistory() {
        GraphQlApi api = api();
        operations = api.asOperations();
        String username = "tamper" + System.nanoTime() % 1_000_000;
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").hasValue();
        auditor = api.as(api.tokenOf(username, "Audit0r-pass"));
        ImportedEnterprise enterprise = api.importEnterprise(operations);
        api.registerNationally(enterprise.uscc(), "篡改测试有限公司");
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        admin.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "篡改测试有限公司",
                        "uscc", enterprise.uscc()))
                .execute().path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("篡改测试有限公司");
        admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.id").hasValue();
        checkpoint().path("takeAuditCheckpoint.streamsRefused").entity(Integer.class).isEqualTo(0);
        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true);
        return enterprise;
    }

    private GraphQlTester.Response checkpoint() {
        return operations.documentName("takeAuditCheckpoint").execute();
    }

    private GraphQlTester.Response verify(ImportedEnterprise enterprise) {
        return auditor.documentName("verifyAuditChain").variable("enterpriseId", enterprise.id()).execute();
    }

    private String administratorOf(ImportedEnterprise enterprise) {
        return jdbc.queryForObject("SELECT account_id FROM account_view WHERE enterprise_id = ?", String.class,
                enterprise.id());
    }

    @Test
    void an_edited_payload_and_edited_metadata_are_each_caught_where_they_were_edited() {
        ImportedEnterprise enterprise = signedHistory();
        assertThat(jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload,"
                + " 'UTF8'), '篡改测试有限公司', '篡改后的公司'), 'UTF8') WHERE aggregate_identifier = ? AND"
                + " sequence_number = 1", enterprise.id())).isEqualTo(1);
        assertThat(jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data,"
                + " 'UTF8'), '127.0.0.1', '10.9.9.9'), 'UTF8') WHERE aggregate_identifier = ? AND"
                + " sequence_number = 2", enterprise.id())).isEqualTo(1);

        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.firstBrokenSequence").entity(Integer.class).isEqualTo(1)
                .path("verifyAuditChain.brokenAggregateId").entity(String.class).isEqualTo(enterprise.id())
                .path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .containsExactly("EVENT_EDITED", "EVENT_EDITED")
                .path("verifyAuditChain.findings[1].sequence").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void an_event_removed_from_the_middle_is_caught() {
        ImportedEnterprise enterprise = signedHistory();
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                enterprise.id());

        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.findings[0].kind").entity(String.class).isEqualTo("EVENT_REMOVED")
                .path("verifyAuditChain.findings[0].sequence").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void a_removed_tail_is_caught_against_the_signed_head() {
        ImportedEnterprise enterprise = signedHistory();
        long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE"
                + " aggregate_identifier = ?", Long.class, enterprise.id());
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                enterprise.id(), last);

        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.findings[*].kind").entityList(String.class).containsExactly("TAIL_REMOVED")
                .path("verifyAuditChain.findings[0].sequence").entity(Long.class).isEqualTo(last);
    }

    @Test
    void a_stream_rewritten_with_its_chain_recomputed_is_caught_against_the_signed_head() throws Exception {
        ImportedEnterprise enterprise = signedHistory();
        rewrite(enterprise.id(), "篡改测试有限公司", "重写后的公司");

        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .containsExactly("STREAM_REWRITTEN")
                .path("verifyAuditChain.brokenAggregateId").entity(String.class).isEqualTo(enterprise.id());
    }

    @Test
    void a_deleted_stream_is_caught_because_a_checkpoint_signed_it() {
        ImportedEnterprise enterprise = signedHistory();
        String administrator = administratorOf(enterprise);
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", administrator);
        // Whoever deletes a stream deletes it from the read models too.
        jdbc.update("DELETE FROM account_view WHERE account_id = ?", administrator);

        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.findings[*].kind").entityList(String.class).containsExactly("STREAM_MISSING")
                .path("verifyAuditChain.findings[0].aggregateId").entity(String.class).isEqualTo(administrator);
    }

    @Test
    void a_signed_head_forged_or_removed_in_the_database_is_caught() {
        ImportedEnterprise enterprise = signedHistory();
        jdbc.update("UPDATE audit_signed_head SET sequence_number = sequence_number - 1 WHERE aggregate_id = ?",
                enterprise.id());
        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(false)
                .path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .containsExactly("CHECKPOINT_INVALID");

        jdbc.update("DELETE FROM audit_signed_head WHERE aggregate_id = ?", administratorOf(enterprise));
        verify(enterprise).path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .contains("CHECKPOINT_INVALID")
                .path("verifyAuditChain.findings[0].detail").entity(String.class)
                .satisfies(detail -> assertThat(detail).contains("removed, added or replaced"));
    }

    @Test
    void a_checkpoint_does_not_sign_a_stream_whose_new_events_break_the_chain() {
        ImportedEnterprise enterprise = signedHistory();
        String administrator = administratorOf(enterprise);
        GraphQlApi.nameOwner(api().asAdministratorOf(enterprise), administrator, "赵六");
        jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'),"
                + " '127.0.0.1', '10.9.9.9'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number ="
                + " (SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?)",
                administrator, administrator);

        checkpoint().path("takeAuditCheckpoint.streamsRefused").entity(Integer.class).isEqualTo(1);
        verify(enterprise).path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .containsExactly("EVENT_EDITED")
                .path("verifyAuditChain.brokenAggregateId").entity(String.class).isEqualTo(administrator)
                // The login and the change: the checkpoint kept the account's head signed before them.
                .path("verifyAuditChain.eventsAfterCheckpoint").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void a_forged_checkpoint_is_caught_and_the_next_reads_every_event_again() throws InterruptedException {
        ImportedEnterprise enterprise = signedHistory();
        jdbc.update("UPDATE audit_checkpoint SET events_read = events_read + 1 WHERE checkpoint_id ="
                + " (SELECT max(checkpoint_id) FROM audit_checkpoint)");
        verify(enterprise).path("verifyAuditChain.findings[*].kind").entityList(String.class)
                .containsExactly("CHECKPOINT_INVALID")
                .path("verifyAuditChain.findings[0].detail").entity(String.class)
                .satisfies(detail -> assertThat(detail).contains("does not verify"));

        long stored = storedEvents();
        checkpoint().path("takeAuditCheckpoint.eventsRead").entity(Long.class)
                .satisfies(read -> assertThat(read).isGreaterThanOrEqualTo(stored));
        verify(enterprise).path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true);
    }

    /** Edits the stream's payloads and recomputes every hash after the edit, as anyone can without a key. */
    private void rewrite(String aggregateId, String from, String to) throws Exception {
        List<Map<String, Object>> events = jdbc.queryForList("SELECT sequence_number, payload_type, payload,"
                + " meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                aggregateId);
        String previous = AuditHash.GENESIS;
        for (Map<String, Object> event : events) {
            long sequence = (Long) event.get("sequence_number");
            byte[] payload = new String((byte[]) event.get("payload"), StandardCharsets.UTF_8).replace(from, to)
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, Object> metaData = json.readValue((byte[]) event.get("meta_data"), MAP);
            String hash = AuditHash.of(aggregateId, sequence, (String) event.get("payload_type"), payload, metaData,
                    previous);
            metaData.put(AuditHash.METADATA_KEY, hash);
            jdbc.update("UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE aggregate_identifier = ?"
                    + " AND sequence_number = ?", payload, json.writeValueAsBytes(metaData), aggregateId, sequence);
            previous = hash;
        }
    }
}
