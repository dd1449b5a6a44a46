package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import org.junit.jupiter.api.Test;

class LegalRepStepOrderTest {

    @Test
    void only_the_attempts_current_step_is_taken() {
        assertThat(LegalRepStepOrder.refusal(CertificationStep.ENTERPRISE_INFO, CertificationStep.ENTERPRISE_INFO))
                .isEmpty();
        assertThat(LegalRepStepOrder.refusal(CertificationStep.ENTERPRISE_INFO,
                CertificationStep.LEGAL_REP_IDENTITY)).hasValueSatisfying(
                        rejection -> assertThat(rejection.code()).isEqualTo("STEP_OUT_OF_ORDER"));
        assertThat(LegalRepStepOrder.refusal(CertificationStep.ADMINISTRATOR_IDENTITY,
                CertificationStep.LEGAL_REP_IDENTITY)).isPresent();
        assertThat(LegalRepStepOrder.refusal(CertificationStep.DONE, CertificationStep.ADMINISTRATOR_IDENTITY))
                .isPresent();
    }

    @Test
    void the_legal_representative_leads_to_the_owner_and_the_owner_to_the_end() {
        assertThat(LegalRepStepOrder.after(IdentitySubject.LEGAL_REP)).isEqualTo(
                CertificationStep.ADMINISTRATOR_IDENTITY);
        assertThat(LegalRepStepOrder.after(IdentitySubject.ADMINISTRATOR)).isEqualTo(CertificationStep.DONE);
    }
}
