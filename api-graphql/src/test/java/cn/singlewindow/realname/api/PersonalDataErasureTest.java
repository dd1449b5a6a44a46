package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.messages.testing.SampleCodes;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.privacy.PersonReferences;
import cn.singlewindow.realname.messages.privacy.PersonalDataErased;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Names and document numbers are sealed per person in the event store, and an erasure makes them unreadable. */
class PersonalDataErasureTest extends RunningService {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    PersonReferences persons;

    private record Imported(String enterpriseId, String legalRepNumber, String adminNumber) {
    }

    /** An enterprise whose legal representative and administrator appear in no other test. */
    private Imported importWithOwnPersons(HttpGraphQlTester operations) {
        String legalRepNumber = SampleCodes.randomResidentId();
        String adminNumber = SampleCodes.randomResidentId();
        Map<String, Object> input = new HashMap<>(GraphQlApi.importInput(SampleCodes.randomUscc(),
                "erase" + System.nanoTime() % 1_000_000_000));
        input.put("legalRepName", "欧阳删除");
        input.put("legalRepDocumentNumber", legalRepNumber);
        Map<String, Object> administrator = new HashMap<>((Map<String, Object>) input.get("administrator"));
        administrator.put("ownerName", "司马保留");
        administrator.put("documentNumber", adminNumber);
        input.put("administrator", administrator);
        String id = operations.documentName("importLegacyEnterprise").variable("input", input).execute()
                .path("importLegacyEnterprise.id").entity(String.class).get();
        return new Imported(id, legalRepNumber, adminNumber);
    }

    /** The payloads of the enterprise's and its accounts' events as the engine stores them. */
    private String storedPayloads(String enterpriseId) {
        List<String> streams = new java.util.ArrayList<>(jdbc.queryForList(
                "SELECT account_id FROM account_view WHERE enterprise_id = ?", String.class, enterpriseId));
        streams.add(enterpriseId);
        return String.join("\n", streams.stream().flatMap(stream -> eventStore.readEvents(stream, 0).asStream())
                .map(event -> new String(event.serializePayload(eventSerializer, byte[].class).getData(),
                        StandardCharsets.UTF_8)).toList());
    }

    private HttpGraphQlTester auditor(GraphQlApi api, HttpGraphQlTester operations) {
        String username = "eraseaudit" + System.nanoTime() % 1_000_000;
        operations.documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").hasValue();
        return api.as(api.tokenOf(username, "Audit0r-pass"));
    }

    @Test
    void names_and_document_numbers_are_stored_sealed_and_read_back_in_clear_where_allowed() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        Imported enterprise = importWithOwnPersons(operations);

        String stored = storedPayloads(enterprise.enterpriseId());
        assertThat(stored).contains("sealedPersonalData")
                .doesNotContain(enterprise.legalRepNumber(), enterprise.adminNumber(), "欧阳删除", "司马保留");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_key WHERE erased_at IS NULL AND person_ref IN"
                + " (SELECT legal_rep_ref FROM enterprise_view WHERE enterprise_id = ?)", Integer.class,
                enterprise.enterpriseId())).isEqualTo(1);
        operations.documentName("enterprisePersons").variable("id", enterprise.enterpriseId()).execute()
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo("欧阳删除")
                .path("enterprise.legalRepresentative.documentNumber").entity(String.class)
                .isEqualTo(Masking.documentNumber(enterprise.legalRepNumber()))
                .path("enterprise.legalRepresentative.erased").entity(Boolean.class).isEqualTo(false)
                .path("enterprise.accounts[0].ownerName").entity(String.class).isEqualTo("司马保留");
    }

    @Test
    void an_erasure_makes_the_person_unreadable_in_history_and_read_models_while_the_chain_stays_intact() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        Imported enterprise = importWithOwnPersons(operations);
        HttpGraphQlTester auditor = auditor(api, operations);
        Instant beforeErasure = Instant.now();

        operations.documentName("erasePersonalData").variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", enterprise.legalRepNumber(), "reason", "个人信息保护法第四十七条 删除请求 #42"))
                .execute()
                .path("erasePersonalData.keysErased").entity(Integer.class).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                operations.documentName("enterprisePersons").variable("id", enterprise.enterpriseId()).execute()
                        .path("enterprise.legalRepresentative.erased").entity(Boolean.class).isEqualTo(true));
        operations.documentName("enterprisePersons").variable("id", enterprise.enterpriseId()).execute()
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo("已删除")
                .path("enterprise.legalRepresentative.documentNumber").entity(String.class).isEqualTo("已删除")
                .path("enterprise.legalRepresentative.documentType").entity(String.class).isEqualTo("RESIDENT_ID_CARD")
                // The administrator is another person: untouched.
                .path("enterprise.accounts[0].ownerName").entity(String.class).isEqualTo("司马保留");
        assertThat(jdbc.queryForList("SELECT legal_rep_name, legal_rep_document_number, legal_rep_ref FROM"
                + " enterprise_view WHERE enterprise_id = ?", enterprise.enterpriseId()).get(0).values())
                .containsOnlyNulls();

        // History replays: the audit trail still lists every event, with the person marked erased.
        String details = String.join("\n", auditor.documentName("auditTrail")
                .variable("enterpriseId", enterprise.enterpriseId()).execute()
                .path("auditTrail.edges[*].node.details").entityList(String.class).get());
        assertThat(details).contains("\"personalDataErased\":true", "司马保留").doesNotContain("欧阳删除");
        auditor.documentName("verifyAuditChain").variable("enterpriseId", enterprise.enterpriseId()).execute()
                .path("verifyAuditChain.intact").entity(Boolean.class).isEqualTo(true);
        auditor.documentName("enterpriseAsOf").variable("id", enterprise.enterpriseId())
                .variable("at", beforeErasure.toString()).execute()
                .path("enterpriseAsOf.legalRepresentative.documentNumber").entity(String.class).isEqualTo("已删除");

        // The erasure itself is on record, on the person's own stream, with who asked and why, without the document.
        String personRef = persons.of(DocumentType.RESIDENT_ID_CARD, enterprise.legalRepNumber());
        var recorded = eventStore.readEvents(personRef, 0).asStream().reduce((first, next) -> next).orElseThrow();
        assertThat(recorded.getPayload()).isInstanceOf(PersonalDataErased.class);
        assertThat(new String(recorded.serializePayload(eventSerializer, byte[].class).getData(),
                StandardCharsets.UTF_8)).contains("删除请求 #42").doesNotContain(enterprise.legalRepNumber());
        assertThat(recorded.getMetaData()).containsKey("actor");

        // A second request finds nothing left to erase.
        operations.documentName("erasePersonalData").variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", enterprise.legalRepNumber(), "reason", "重复请求"))
                .execute()
                .path("erasePersonalData.keysErased").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void an_erasure_without_a_reason_or_with_an_invalid_number_is_refused_and_erases_nothing() {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        Imported enterprise = importWithOwnPersons(operations);

        operations.documentName("erasePersonalData").variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", enterprise.adminNumber(), "reason", "  "))
                .execute().errors().satisfy(code("VALIDATION_FAILED"));
        operations.documentName("erasePersonalData").variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", "110101199003070012", "reason", "依法删除"))
                .execute().errors().satisfy(code("INVALID_DOCUMENT_NUMBER"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_key WHERE erased_at IS NOT NULL AND person_ref ="
                + " (SELECT owner_ref FROM account_view WHERE enterprise_id = ?)", Integer.class,
                enterprise.enterpriseId())).isZero();
        operations.documentName("enterprisePersons").variable("id", enterprise.enterpriseId()).execute()
                .path("enterprise.accounts[0].ownerName").entity(String.class).isEqualTo("司马保留");
    }

    @Test
    void the_same_owner_seals_to_the_same_bytes_a_flipped_byte_is_caught_and_unsealed_history_still_reads() {
        AccountOwner owner = new AccountOwner("夏侯确定", DocumentType.RESIDENT_ID_CARD, SampleCodes.randomResidentId(),
                "20200101", "20400101");
        byte[] first = eventSerializer.serialize(owner, byte[].class).getData();
        byte[] second = eventSerializer.serialize(owner, byte[].class).getData();
        // The audit hash is taken over one serialization and the store writes another: they must agree.
        assertThat(second).isEqualTo(first);
        assertThat(read(first)).isEqualTo(owner);

        String json = new String(first, StandardCharsets.UTF_8);
        int at = json.indexOf("\"sealed\":\"") + 12;
        char flipped = json.charAt(at) == 'A' ? 'B' : 'A';
        byte[] tampered = (json.substring(0, at) + flipped + json.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(tampered)).hasStackTraceContaining("integrity check");

        // Events stored before sealing existed carry the fields in clear and still load.
        byte[] legacy = ("{\"name\":\"旧数据\",\"documentType\":\"PRC_PASSPORT\",\"documentNumber\":\"E12345678\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(legacy)).isEqualTo(new AccountOwner("旧数据", DocumentType.PRC_PASSPORT, "E12345678", null,
                null));
    }

    private AccountOwner read(byte[] json) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(json, byte[].class,
                AccountOwner.class.getName(), null));
    }
}
