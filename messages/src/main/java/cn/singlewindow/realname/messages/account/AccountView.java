package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** An account as the read side shows it; {@code documentNumber} is masked. */
public record AccountView(AccountId id, EnterpriseId enterpriseId, String username, AccountRole role,
                          String ownerName, DocumentType documentType, String documentNumber, String idValidFrom,
                          String idValidTo, boolean identityVerified, boolean enabled, long version) {
}
