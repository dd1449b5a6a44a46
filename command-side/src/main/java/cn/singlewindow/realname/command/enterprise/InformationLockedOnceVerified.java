package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.certification.CertificationRequirements;
import cn.singlewindow.realname.messages.common.Rejection;
import java.util.Optional;

/**
 * Manual §2.3 and §2.5: once a method has verified the enterprise's information (its name, USCC and organisation code
 * as the registry, the card or the bank knows them), the information no longer changes through the user; a correction
 * goes through staff with evidence, as a correction case.
 */
final class InformationLockedOnceVerified {

    private InformationLockedOnceVerified() {
    }

    static Optional<Rejection> refusal(CertificationRequirements requirements) {
        return requirements.enterpriseInfoVerified() ? Optional.of(EnterpriseRejections.ENTERPRISE_LOCKED)
                : Optional.empty();
    }
}
