package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;

public record CorrectionCaseOpened(String caseId, EnterpriseId enterpriseId, AccountId administratorId, String name,
                                   Uscc uscc, OrgCode orgCode, String explanation) implements EnterpriseEvent {
}
