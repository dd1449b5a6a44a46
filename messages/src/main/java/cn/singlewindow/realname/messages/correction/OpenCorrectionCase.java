package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Manual §2.3 (3): the registry check fails although the information is right; the enterprise's administrator asks
 * staff to correct it, with evidence. Opens a case in DRAFT with the information requested.
 */
public record OpenCorrectionCase(@TargetAggregateIdentifier String caseId, EnterpriseId enterpriseId, AccountId administratorId, String name,
                                 Uscc uscc, OrgCode orgCode, String explanation) {
}
