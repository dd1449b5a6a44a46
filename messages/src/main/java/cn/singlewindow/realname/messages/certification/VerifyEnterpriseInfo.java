package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 1 (§2.5.3.1). */
public record VerifyEnterpriseInfo(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, String enterpriseName, Uscc uscc,
                                   OrgCode orgCode, LegalRepresentative legalRepresentative) {
}
