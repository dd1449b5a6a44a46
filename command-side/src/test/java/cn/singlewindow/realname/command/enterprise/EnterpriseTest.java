package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.command.enterprise.registry.RegistryUnavailableException;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.common.Versions;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.CorrectEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoCorrected;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChangeRefused;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnterpriseTest {

    private final EnterpriseId id = EnterpriseId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final InMemoryUsccRegistry registry = new InMemoryUsccRegistry();
    private final Map<Uscc, RegisteredEnterprise> nationalRegistry = new HashMap<>();
    private boolean nationalRegistryDown;
    private FixtureConfiguration<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        fixture.registerInjectableResource(registry);
        EnterpriseRegistry national = code -> {
            if (nationalRegistryDown) {
                throw new RegistryUnavailableException();
            }
            return Optional.ofNullable(nationalRegistry.get(code));
        };
        fixture.registerInjectableResource(national);
        registry.claim(uscc, id);
        registered(uscc, "新名称有限公司", RegistrationStatus.ACTIVE);
    }

    private void registered(Uscc code, String name, RegistrationStatus status) {
        nationalRegistry.put(code, new RegisteredEnterprise(code, name, code.orgCode(),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X"), status));
    }

    @Test
    void a_name_the_national_registry_does_not_hold_is_refused_with_the_manuals_advice_and_the_refusal_recorded() {
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "别的名称有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChangeRefused(id, "别的名称有限公司", uscc, uscc.orgCode(),
                        "REGISTRY_MISMATCH"))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<Refused>("a hint to the assisted upgrade") {
                    @Override
                    protected boolean matchesSafely(Refused refused) {
                        return refused.rejection().code().equals("REGISTRY_MISMATCH")
                                && refused.rejection().hint().contains("ADMINISTRATOR_ASSISTED_UPGRADE")
                                && refused.rejection().messageZh().contains("国家企业信用信息公示系统");
                    }
                });
    }

    @Test
    void full_width_brackets_match_the_registrys_half_width_ones() {
        registered(uscc, "新名称(北京)有限公司", RegistrationStatus.ACTIVE);
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "新名称（北京）有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChanged(id, "新名称（北京）有限公司", uscc, uscc.orgCode()));
    }

    @Test
    void an_enterprise_the_registry_lists_as_closed_is_refused() {
        registered(uscc, "新名称有限公司", RegistrationStatus.CLOSED);
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChangeRefused(id, "新名称有限公司", uscc, uscc.orgCode(),
                        "REGISTRY_MISMATCH"))
                .expectResultMessagePayload(new Refused(EnterpriseRejections.REGISTRY_MISMATCH));
    }

    @Test
    void when_the_registry_is_down_nothing_changes_and_the_answer_says_so() {
        nationalRegistryDown = true;
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("REGISTRY_UNAVAILABLE"));
    }

    private LegacyEnterpriseImported imported() {
        return importedFrom(EnterpriseOrigin.LEGACY_INSPECTION);
    }

    private LegacyEnterpriseImported importedFrom(EnterpriseOrigin origin) {
        return new LegacyEnterpriseImported(id, "测试贸易有限公司", uscc, uscc.orgCode(),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X"),
                origin, AccountId.create());
    }

    @Test
    void an_enterprise_registered_through_the_single_window_is_not_in_scope() {
        fixture.given(importedFrom(EnterpriseOrigin.SINGLE_WINDOW_REGISTERED))
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("NOT_APPLICABLE"));
    }

    @Test
    void an_enterprise_migrated_from_a_local_system_is_in_scope() {
        fixture.given(importedFrom(EnterpriseOrigin.LOCAL_SYSTEM))
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChanged(id, "新名称有限公司", uscc, uscc.orgCode()));
    }

    @Test
    void once_a_method_verified_the_enterprises_information_its_fields_are_locked() {
        fixture.given(imported(), new CertificationPassed(id, "attempt-1", CertificationMethod.BANK_UKEY,
                        SecurityLevel.HIGH, true, null))
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChangeRefused(id, "新名称有限公司", uscc, uscc.orgCode(),
                        "ENTERPRISE_LOCKED"))
                .expectResultMessagePayload(new Refused(EnterpriseRejections.ENTERPRISE_LOCKED));
    }

    @Test
    void verifying_the_owner_alone_leaves_the_information_open_to_change() {
        fixture.given(imported(), new CertificationPassed(id, "attempt-1", CertificationMethod.OWNER_IDENTITY,
                        SecurityLevel.NONE, false, AccountId.create()))
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectEvents(new EnterpriseInfoChanged(id, "新名称有限公司", uscc, uscc.orgCode()));
    }

    @Test
    void a_new_name_is_changed_and_the_new_version_answered() {
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "新名称有限公司", uscc, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EnterpriseInfoChanged(id, "新名称有限公司", uscc, uscc.orgCode()))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_same_information_again_changes_nothing_and_says_so() {
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "测试贸易有限公司", uscc, uscc.orgCode()))
                .expectNoEvents()
                .expectResultMessagePayload(Versions.NOTHING_CHANGED);
    }

    @Test
    void changing_name_uscc_and_organisation_code_at_once_is_refused() {
        Uscc other = Uscc.of(SampleCodes.randomUscc());
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "另一个名称有限公司", other, other.orgCode()))
                .expectEvents(new EnterpriseInfoChangeRefused(id, "另一个名称有限公司", other, other.orgCode(),
                        "TOO_MANY_IDENTITY_FIELDS_CHANGED"))
                .expectResultMessagePayload(new Refused(EnterpriseRejections.TOO_MANY_IDENTITY_FIELDS_CHANGED));
    }

    @Test
    void two_of_the_three_may_change_and_the_uscc_claim_moves_with_them() {
        Uscc other = Uscc.of(SampleCodes.randomUscc());
        registered(other, "测试贸易有限公司", RegistrationStatus.ACTIVE);
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "测试贸易有限公司", other, null))
                .expectEvents(new EnterpriseInfoChanged(id, "测试贸易有限公司", other, other.orgCode()));
        assertThat(registry.holderOf(other)).contains(id);
        assertThat(registry.holderOf(uscc)).isEmpty();
    }

    @Test
    void an_organisation_code_that_is_not_the_usccs_is_refused() {
        OrgCode unrelated = OrgCode.of(SampleCodes.orgCodeFor(SampleCodes.randomOrgBody()));
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "测试贸易有限公司", uscc, unrelated))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("ORG_CODE_MISMATCH"));
    }

    @Test
    void a_blank_name_is_refused() {
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "  ", uscc, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("VALIDATION_FAILED"));
    }

    @Test
    void a_uscc_held_by_another_enterprise_is_refused() {
        Uscc taken = Uscc.of(SampleCodes.randomUscc());
        registered(taken, "测试贸易有限公司", RegistrationStatus.ACTIVE);
        registry.claim(taken, EnterpriseId.create());
        fixture.given(imported())
                .when(new ChangeEnterpriseInfo(id, "测试贸易有限公司", taken, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("USCC_ALREADY_REGISTERED"));
    }

    @Test
    void a_correction_with_evidence_changes_what_the_registry_does_not_hold_and_carries_the_case() {
        Uscc other = Uscc.of(SampleCodes.randomUscc());
        fixture.given(imported())
                .when(new CorrectEnterpriseInfo(id, "case-1", "登记外名称有限公司", other, other.orgCode()))
                .expectEvents(new EnterpriseInfoCorrected(id, "case-1", "登记外名称有限公司", other, other.orgCode()));
        assertThat(registry.holderOf(other)).contains(id);
    }

    @Test
    void a_correction_of_information_a_method_verified_is_refused_and_recorded() {
        fixture.given(imported(), new CertificationPassed(id, "attempt-1", CertificationMethod.IC_CARD,
                        SecurityLevel.HIGH, true, null))
                .when(new CorrectEnterpriseInfo(id, "case-1", "新名称有限公司", uscc, uscc.orgCode()))
                .expectEvents(new EnterpriseInfoChangeRefused(id, "新名称有限公司", uscc, uscc.orgCode(),
                        "ENTERPRISE_LOCKED"))
                .expectResultMessagePayload(new Refused(EnterpriseRejections.ENTERPRISE_LOCKED));
    }
}
