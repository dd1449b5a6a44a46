package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;

/** A request as the read side shows it; the applicant's document number is masked. */
public record OperatorUpgradeRequestView(String id, AccountId accountId, EnterpriseId enterpriseId, String username,
                                         String ownerName, DocumentType documentType, String documentNumber,
                                         UpgradeStatus status, String reason, Instant requestedAt,
                                         Instant decidedAt, long version) {
}
