package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** The attempt keeps the owner's identity as it stood at the start: it verifies exactly that. */
public record OwnerIdentityVerificationStarted(EnterpriseId enterpriseId, String attemptId, AccountId administratorId,
                                               AccountOwner administrator) implements EnterpriseEvent {
}
