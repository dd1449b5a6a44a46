package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * Manual §2.4 (2): within one enterprise, no two accounts' owners have the same document number. A rule across
 * Account aggregates, kept in a table with a unique key and written in the command's own transaction.
 */
public interface OwnerDocumentRegistry {

    /** Rejects with DUPLICATE_DOCUMENT_NUMBER when another account of the enterprise holds the number. */
    void claim(EnterpriseId enterpriseId, String documentNumber, AccountId accountId);

    /** The account of the enterprise whose owner has this document number, if any. */
    java.util.Optional<AccountId> accountOf(EnterpriseId enterpriseId, String documentNumber);

    void release(EnterpriseId enterpriseId, String documentNumber, AccountId accountId);

    /** Forgets the number in every enterprise: its owner's data was erased, and the lookup holds it in clear. */
    void forget(String documentNumber);
}
