package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** A certification method verified the account owner's identity; from then on it is locked. */
public record OwnerIdentityVerified(AccountId accountId, EnterpriseId enterpriseId, CertificationMethod method)
        implements EnterpriseEvent {
}
