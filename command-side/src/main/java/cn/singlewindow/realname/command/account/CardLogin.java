package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.command.enterprise.CardLoginRefusals;
import cn.singlewindow.realname.command.enterprise.UsccRegistry;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.card.AuthenticateWithCard;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, card media: the card's enterprise (from its organisation code) and, within it, the account whose
 * owner holds the card. The card PIN stays on the card; what arrives here is the verified signature. Throttled as
 * password logins are: refusals count against the client address ({@link AddressThrottle}) and against the card
 * ({@link LoginLockout}, keyed by its serial). Each refusal is recorded on the account the card belongs to, else on
 * its enterprise; a certificate that is not the E-Port CA's belongs to neither, and is only logged.
 */
@Component
class CardLogin {

    static final String METHOD = "CARD";
    private static final Logger log = LoggerFactory.getLogger(CardLogin.class);

    static final Rejection CARD_NOT_BOUND = Rejection.of("CARD_NOT_BOUND",
            "No account of the card's enterprise belongs to the card's holder.",
            "该卡介质未关联单一窗口账号，请使用用户名和密码登录。");

    private final UsccRegistry enterprises;
    private final OwnerDocumentRegistry ownerDocuments;
    private final CredentialStore credentials;
    private final Repository<Account> accounts;
    private final CardLoginRefusals refusals;
    private final AddressThrottle addressThrottle;
    private final LoginLockout lockout;

    CardLogin(UsccRegistry enterprises, OwnerDocumentRegistry ownerDocuments, CredentialStore credentials,
              Repository<Account> accounts, CardLoginRefusals refusals, AddressThrottle addressThrottle,
              LoginLockout lockout) {
        this.enterprises = enterprises;
        this.ownerDocuments = ownerDocuments;
        this.credentials = credentials;
        this.accounts = accounts;
        this.refusals = refusals;
        this.addressThrottle = addressThrottle;
        this.lockout = lockout;
    }

    @CommandHandler
    LoginOutcome handle(AuthenticateWithCard command,
                        @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        Instant now = GenericEventMessage.clock.instant();
        CardCheck check = command.check();
        Optional<EnterpriseId> enterprise = Optional.ofNullable(check.orgCode())
                .flatMap(enterprises::holderOfOrgCode);
        Optional<AccountId> account = enterprise.flatMap(id -> check.holderIdNumber() == null ? Optional.empty()
                : ownerDocuments.accountOf(id, check.holderIdNumber()));
        Optional<Credential> credential = account.flatMap(credentials::findByAccountId);
        String card = check.certificateSerial() == null ? null : "card:" + check.certificateSerial();
        if (addressThrottle.tooMany(address, now) || card != null && lockout.locked(card, now)) {
            return refuse(AccountRejections.TOO_MANY_ATTEMPTS, check, enterprise, credential, address);
        }
        Rejection refusal = !check.passed() ? check.failureCode().rejection()
                : credential.isEmpty() ? CARD_NOT_BOUND : null;
        if (refusal != null) {
            addressThrottle.recordFailure(address, now);
            if (card != null) {
                lockout.recordFailure(card, now);
            }
            return refuse(refusal, check, enterprise, credential, address);
        }
        if (card != null) {
            lockout.clear(card);
        }
        var holder = accounts.load(credential.get().accountId().value());
        if (holder.invoke(Account::disabled)) {
            return refuse(AccountRejections.ACCOUNT_DISABLED, check, enterprise, credential, address);
        }
        holder.execute(a -> a.recordLogin(METHOD));
        return LoginOutcome.accepted(credential.get().accountId(), credential.get().username(),
                credential.get().role(), credential.get().enterpriseId());
    }

    private LoginOutcome refuse(Rejection refusal, CardCheck check, Optional<EnterpriseId> enterprise,
                                Optional<Credential> credential, String address) {
        if (credential.isPresent()) {
            accounts.load(credential.get().accountId().value()).execute(a -> a.recordRejectedLogin(refusal.code(),
                    METHOD, check.certificateSerial()));
        } else if (enterprise.isPresent()) {
            refusals.record(enterprise.get(), check.certificateSerial(), refusal.code());
        } else {
            log.warn("Card login refused ({}): certificate serial {} of no known enterprise, from {}", refusal.code(),
                    check.certificateSerial(), address);
        }
        return LoginOutcome.rejected(refusal);
    }
}
