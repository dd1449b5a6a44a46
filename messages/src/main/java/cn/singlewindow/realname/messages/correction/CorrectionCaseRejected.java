package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record CorrectionCaseRejected(String caseId, EnterpriseId enterpriseId, AccountId decidedBy, String reason)
        implements EnterpriseEvent {
}
