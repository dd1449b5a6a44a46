package cn.singlewindow.realname.messages.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff correct the enterprise's information with the evidence of a correction case (manual §2.3 (3)): the change the
 * case asked for, carrying the case's id. Answers the enterprise's version, or NOTHING_CHANGED.
 */
public record CorrectEnterpriseInfo(@TargetAggregateIdentifier EnterpriseId enterpriseId, String caseId, String name,
                                    Uscc uscc, OrgCode orgCode) {
}
