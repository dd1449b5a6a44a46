package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationRequirements;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InformationLockedOnceVerifiedTest {

    @Test
    void information_nobody_verified_yet_may_change() {
        assertThat(InformationLockedOnceVerified.refusal(CertificationRequirements.NONE)).isEmpty();
    }

    @Test
    void information_a_method_verified_is_locked_even_before_the_owner_is_verified() {
        CertificationRequirements bankOnly = new CertificationRequirements(true, false,
                Set.of(CertificationMethod.BANK_UKEY));
        assertThat(InformationLockedOnceVerified.refusal(bankOnly))
                .hasValueSatisfying(rejection -> assertThat(rejection.code()).isEqualTo("ENTERPRISE_LOCKED"));
    }

    @Test
    void the_owners_identity_alone_does_not_lock_the_enterprises_information() {
        CertificationRequirements ownerOnly = new CertificationRequirements(false, true,
                Set.of(CertificationMethod.OWNER_IDENTITY));
        assertThat(InformationLockedOnceVerified.refusal(ownerOnly)).isEmpty();
    }
}
