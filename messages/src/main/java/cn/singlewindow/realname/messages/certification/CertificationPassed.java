package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A certification method passed for the enterprise: its identity fields are locked from then on (§2.3), and the
 * aspects it verified (enterprise information; the owner's identity) are marked so.
 */
public record CertificationPassed(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                  SecurityLevel securityLevel, boolean enterpriseInfoVerified,
                                  AccountId ownerIdentityVerifiedFor) implements EnterpriseEvent {
}
