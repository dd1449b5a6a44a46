package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.command.enterprise.UsccRegistry;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.card.AuthenticateWithCard;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, card media: the card's enterprise (from its organisation code) and, within it, the account whose
 * owner holds the card. The card PIN stays on the card; what arrives here is the verified signature.
 */
@Component
class CardLogin {

    static final String METHOD = "CARD";

    static final Rejection CARD_NOT_BOUND = Rejection.of("CARD_NOT_BOUND",
            "No account of the card's enterprise belongs to the card's holder.",
            "该卡介质未关联单一窗口账号，请使用用户名和密码登录。");

    private final UsccRegistry enterprises;
    private final OwnerDocumentRegistry ownerDocuments;
    private final CredentialStore credentials;
    private final Repository<Account> accounts;

    CardLogin(UsccRegistry enterprises, OwnerDocumentRegistry ownerDocuments, CredentialStore credentials,
              Repository<Account> accounts) {
        this.enterprises = enterprises;
        this.ownerDocuments = ownerDocuments;
        this.credentials = credentials;
        this.accounts = accounts;
    }

    @CommandHandler
    LoginOutcome handle(AuthenticateWithCard command) {
        CardCheck check = command.check();
        if (!check.passed()) {
            return LoginOutcome.rejected(check.failureCode().rejection());
        }
        Optional<EnterpriseId> enterprise = enterprises.holderOfOrgCode(check.orgCode());
        Optional<AccountId> account = enterprise.flatMap(id -> check.holderIdNumber() == null ? Optional.empty()
                : ownerDocuments.accountOf(id, check.holderIdNumber()));
        Optional<Credential> credential = account.flatMap(credentials::findByAccountId);
        if (credential.isEmpty()) {
            return LoginOutcome.rejected(CARD_NOT_BOUND);
        }
        accounts.load(credential.get().accountId().value()).execute(a -> a.recordLogin(METHOD));
        return LoginOutcome.accepted(credential.get().accountId(), credential.get().username(),
                credential.get().role(), credential.get().enterpriseId());
    }
}
