package cn.singlewindow.realname.command.correction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.correction.AddCorrectionEvidence;
import cn.singlewindow.realname.messages.correction.CorrectionCaseApproved;
import cn.singlewindow.realname.messages.correction.CorrectionCaseOpened;
import cn.singlewindow.realname.messages.correction.CorrectionCaseRejected;
import cn.singlewindow.realname.messages.correction.CorrectionCaseSubmitted;
import cn.singlewindow.realname.messages.correction.CorrectionEvidenceAdded;
import cn.singlewindow.realname.messages.correction.DecideCorrectionCase;
import cn.singlewindow.realname.messages.correction.OpenCorrectionCase;
import cn.singlewindow.realname.messages.correction.SubmitCorrectionCase;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual §2.3 (3): a case drafted by the administrator, with evidence, submitted, and decided by staff. */
class CorrectionCaseTest {

    private static final String CASE = "case-1";
    private final EnterpriseId enterprise = EnterpriseId.create();
    private final AccountId admin = AccountId.create();
    private final AccountId staff = AccountId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final List<String> stored = new ArrayList<>();
    private FixtureConfiguration<CorrectionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CorrectionCase.class);
        fixture.registerInjectableResource((EvidenceStore) (caseId, evidenceId, fileName, contentType, content, sha256,
                at) -> stored.add(caseId + "/" + evidenceId + "/" + content.length));
    }

    private CorrectionCaseOpened opened() {
        return new CorrectionCaseOpened(CASE, enterprise, admin, "正确名称有限公司", uscc, uscc.orgCode(), "登记机关已更名");
    }

    private CorrectionEvidenceAdded added(String id) {
        return new CorrectionEvidenceAdded(CASE, enterprise, id, "营业执照.pdf", "application/pdf", 3, "ab");
    }

    private AddCorrectionEvidence evidence(AccountId by, String id) {
        return new AddCorrectionEvidence(CASE, by, id, "营业执照.pdf", "application/pdf", new byte[] {1, 2, 3}, "ab");
    }

    @Test
    void the_administrator_opens_a_draft_with_the_information_requested_and_why() {
        fixture.givenNoPriorActivity()
                .when(new OpenCorrectionCase(CASE, enterprise, admin, " 正确名称有限公司 ", uscc, uscc.orgCode(),
                        "登记机关已更名"))
                .expectEvents(opened());
    }

    @Test
    void a_case_without_an_explanation_or_with_an_organisation_code_not_of_its_uscc_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCorrectionCase(CASE, enterprise, admin, "正确名称有限公司", uscc, uscc.orgCode(), " "))
                .expectNoEvents().expectExceptionMessage(startsWith("VALIDATION_FAILED"));
        Uscc other = Uscc.of(SampleCodes.randomUscc());
        fixture.givenNoPriorActivity()
                .when(new OpenCorrectionCase(CASE, enterprise, admin, "正确名称有限公司", uscc, other.orgCode(), "原因"))
                .expectNoEvents().expectExceptionMessage(startsWith("ORG_CODE_MISMATCH"));
    }

    @Test
    void evidence_is_stored_with_the_event_that_records_it_up_to_five_files() {
        fixture.given(opened())
                .when(evidence(admin, "e-1"))
                .expectEvents(added("e-1"));
        assertThat(stored).containsExactly(CASE + "/e-1/3");
        fixture.given(opened(), added("e-1"), added("e-2"), added("e-3"), added("e-4"), added("e-5"))
                .when(evidence(admin, "e-6"))
                .expectNoEvents().expectExceptionMessage(startsWith("TOO_MANY_FILES"));
    }

    @Test
    void only_the_cases_administrator_changes_it_and_only_while_it_is_a_draft() {
        fixture.given(opened())
                .when(evidence(AccountId.create(), "e-1"))
                .expectNoEvents().expectExceptionMessage(startsWith("FORBIDDEN"));
        fixture.given(opened(), added("e-1"), new CorrectionCaseSubmitted(CASE, enterprise))
                .when(evidence(admin, "e-2"))
                .expectNoEvents().expectExceptionMessage(startsWith("CASE_NOT_DRAFT"));
    }

    @Test
    void a_case_is_submitted_with_evidence_only() {
        fixture.given(opened())
                .when(new SubmitCorrectionCase(CASE, admin))
                .expectNoEvents().expectExceptionMessage(startsWith("EVIDENCE_REQUIRED"));
        fixture.given(opened(), added("e-1"))
                .when(new SubmitCorrectionCase(CASE, admin))
                .expectEvents(new CorrectionCaseSubmitted(CASE, enterprise));
    }

    @Test
    void staff_decide_a_submitted_case_and_a_rejection_says_why() {
        fixture.given(opened(), added("e-1"))
                .when(new DecideCorrectionCase(CASE, true, null, staff))
                .expectNoEvents().expectExceptionMessage(startsWith("CASE_NOT_SUBMITTED"));
        fixture.given(opened(), added("e-1"), new CorrectionCaseSubmitted(CASE, enterprise))
                .when(new DecideCorrectionCase(CASE, false, " ", staff))
                .expectNoEvents().expectExceptionMessage(startsWith("VALIDATION_FAILED"));
        fixture.given(opened(), added("e-1"), new CorrectionCaseSubmitted(CASE, enterprise))
                .when(new DecideCorrectionCase(CASE, false, "材料不清晰", staff))
                .expectEvents(new CorrectionCaseRejected(CASE, enterprise, staff, "材料不清晰"));
        fixture.given(opened(), added("e-1"), new CorrectionCaseSubmitted(CASE, enterprise))
                .when(new DecideCorrectionCase(CASE, true, null, staff))
                .expectEvents(new CorrectionCaseApproved(CASE, enterprise, staff, null));
    }
}
