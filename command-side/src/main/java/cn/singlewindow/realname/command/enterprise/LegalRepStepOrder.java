package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.common.Rejection;
import java.util.Optional;

/**
 * Manual §2.5.3: the enterprise's information, then the legal representative's identity, then the account owner's, in
 * that order and each once ("缺一不可"). An owner-identity attempt starts at the owner's step.
 */
final class LegalRepStepOrder {

    private LegalRepStepOrder() {
    }

    /** Refused unless the step submitted is the attempt's current one. */
    static Optional<Rejection> refusal(CertificationStep current, CertificationStep submitted) {
        return current == submitted ? Optional.empty() : Optional.of(CertificationRejections.STEP_OUT_OF_ORDER);
    }

    /** Where an attempt stands once the subject's identity is verified. */
    static CertificationStep after(IdentitySubject verified) {
        return verified == IdentitySubject.LEGAL_REP ? CertificationStep.ADMINISTRATOR_IDENTITY : CertificationStep.DONE;
    }
}
