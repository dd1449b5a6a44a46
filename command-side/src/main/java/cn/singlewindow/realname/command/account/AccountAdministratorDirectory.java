package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** The Account aggregate as certification sees it, loaded into the caller's unit of work. */
@Component
class AccountAdministratorDirectory implements AdministratorDirectory {

    static final Rejection NOT_ADMINISTRATOR = Rejection.of("FORBIDDEN",
            "Only the enterprise's administrator (the account owner) certifies it.", "只有企业管理员可以进行实名认证。");

    private final Repository<Account> accounts;

    AccountAdministratorDirectory(Repository<Account> accounts) {
        this.accounts = accounts;
    }

    @Override
    public AccountOwner ownerOf(AccountId administratorId, EnterpriseId enterpriseId) {
        return accounts.load(administratorId.value()).invoke(account -> {
            if (account.role() != AccountRole.ADMINISTRATOR || !enterpriseId.equals(account.enterpriseId())) {
                throw new RejectedException(NOT_ADMINISTRATOR);
            }
            return account.owner();
        });
    }

    @Override
    public void confirmIdentity(AccountId accountId, CertificationMethod method) {
        accounts.load(accountId.value()).execute(account -> account.confirmIdentity(method));
    }
}
