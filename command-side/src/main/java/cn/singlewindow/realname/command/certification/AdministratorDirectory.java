package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** What a certification needs of the Account aggregate, inside the same unit of work. */
public interface AdministratorDirectory {

    /** The owner of the enterprise's administrator account, or rejects when the caller is not that account. */
    AccountOwner ownerOf(AccountId administratorId, EnterpriseId enterpriseId);

    /** The owner's identity passed a certification method: marks the account so. */
    void confirmIdentity(AccountId accountId, CertificationMethod method);
}
