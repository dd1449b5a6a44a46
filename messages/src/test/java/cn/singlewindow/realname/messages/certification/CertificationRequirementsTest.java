package cn.singlewindow.realname.messages.certification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificationRequirementsTest {

    private final EnterpriseId enterprise = EnterpriseId.create();

    private CertificationPassed passed(CertificationMethod method, boolean enterpriseInfo, AccountId owner) {
        return new CertificationPassed(enterprise, "a-" + method, method, SecurityLevel.HIGH, enterpriseInfo, owner);
    }

    @Test
    void nothing_verified_leaves_both_aspects_each_with_every_way() {
        assertThat(CertificationRequirements.NONE.certified()).isFalse();
        assertThat(CertificationRequirements.NONE.remaining()).containsExactly(
                new CertificationRequirements.Requirement(CertificationRequirements.Aspect.ENTERPRISE_INFO,
                        List.of("certifyByIcCard", "startBankUkeyCertification", "startLegalRepCertification")),
                new CertificationRequirements.Requirement(CertificationRequirements.Aspect.OWNER_IDENTITY,
                        List.of("startOwnerIdentityVerification", "certifyByIcCard")));
    }

    @Test
    void a_bank_ukey_certifies_the_enterprise_but_not_its_owner_so_the_owners_identity_remains() {
        CertificationRequirements afterBank = CertificationRequirements.NONE
                .after(passed(CertificationMethod.BANK_UKEY, true, null));
        assertThat(afterBank.certified()).isFalse();
        assertThat(afterBank.remaining()).containsExactly(new CertificationRequirements.Requirement(
                CertificationRequirements.Aspect.OWNER_IDENTITY,
                List.of("startOwnerIdentityVerification", "certifyByIcCard")));
        CertificationRequirements afterOwner = afterBank.after(passed(CertificationMethod.OWNER_IDENTITY, false,
                AccountId.create()));
        assertThat(afterOwner.certified()).isTrue();
        assertThat(afterOwner.remaining()).isEmpty();
    }

    @Test
    void a_card_held_by_someone_else_leaves_the_owners_identity_without_the_card_as_a_way() {
        CertificationRequirements afterCard = CertificationRequirements.NONE
                .after(passed(CertificationMethod.IC_CARD, true, null));
        assertThat(afterCard.remaining()).singleElement().satisfies(requirement -> {
            assertThat(requirement.aspect()).isEqualTo(CertificationRequirements.Aspect.OWNER_IDENTITY);
            assertThat(requirement.ways()).containsExactly("startOwnerIdentityVerification");
        });
    }

    @Test
    void the_legal_representative_method_and_a_card_held_by_the_owner_each_verify_both_aspects() {
        assertThat(CertificationRequirements.NONE.after(passed(CertificationMethod.LEGAL_REP, true,
                AccountId.create())).certified()).isTrue();
        assertThat(CertificationRequirements.NONE.after(passed(CertificationMethod.IC_CARD, true,
                AccountId.create())).certified()).isTrue();
    }

    @Test
    void the_overview_and_the_requirements_agree() {
        CertificationOverview overview = MethodProgress.overview(List.of(
                MethodProgress.notStarted(CertificationMethod.BANK_UKEY).after(
                        passed(CertificationMethod.BANK_UKEY, true, null), java.time.Instant.now())));
        assertThat(overview.certified()).isFalse();
        assertThat(overview.enterpriseInfoVerified()).isTrue();
        assertThat(overview.methods()).extracting(MethodStatus::method).containsExactly(CertificationMethod.IC_CARD,
                CertificationMethod.LEGAL_REP, CertificationMethod.BANK_UKEY);
        assertThat(overview.remaining()).extracting(CertificationRequirements.Requirement::aspect)
                .containsExactly(CertificationRequirements.Aspect.OWNER_IDENTITY);
    }
}
