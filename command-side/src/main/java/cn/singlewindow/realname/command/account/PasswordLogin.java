package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AuthenticateAccount;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, user name and password. Every attempt on a known account is an event, refused ones included;
 * a refusal is returned rather than thrown so that its event commits. Too many refusals for the account or the
 * client address within the window refuse further attempts before any password is checked.
 */
@Component
class PasswordLogin {

    static final String METHOD = "PASSWORD";

    private final CredentialStore credentials;
    private final Repository<Account> accounts;
    private final PasswordEncoder passwordEncoder;
    private final AddressThrottle addressThrottle;
    private final LoginPolicy policy;
    // Compared against when the user name is unknown, so a wrong name costs as long as a wrong password.
    private final String decoyHash;

    PasswordLogin(CredentialStore credentials, Repository<Account> accounts, PasswordEncoder passwordEncoder,
                  AddressThrottle addressThrottle, LoginPolicy policy) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.addressThrottle = addressThrottle;
        this.policy = policy;
        this.decoyHash = passwordEncoder.encode("decoy-password-1");
    }

    @CommandHandler
    LoginOutcome handle(AuthenticateAccount command,
                        @MetaDataValue(AuditMetadata.CLIENT_ADDRESS) String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        Instant now = GenericEventMessage.clock.instant();
        String presented = command.password() == null ? "" : command.password().value();
        Optional<Credential> found = credentials.findByUsername(command.username());
        var account = found.map(credential -> accounts.load(credential.accountId().value()));
        if (addressThrottle.tooMany(address, now)
                || account.isPresent() && account.get().invoke(a -> a.lockedOut(now, policy))) {
            account.ifPresent(a -> a.execute(it -> it.recordRejectedLogin(AccountRejections.TOO_MANY_ATTEMPTS.code())));
            return LoginOutcome.rejected(AccountRejections.TOO_MANY_ATTEMPTS);
        }
        if (found.isEmpty()) {
            passwordEncoder.matches(presented, decoyHash);
            addressThrottle.recordFailure(address, now);
            return LoginOutcome.rejected(AccountRejections.BAD_CREDENTIALS);
        }
        Credential credential = found.get();
        if (!passwordEncoder.matches(presented, credential.passwordHash())) {
            addressThrottle.recordFailure(address, now);
            account.get().execute(a -> a.recordRejectedLogin(AccountRejections.BAD_CREDENTIALS.code()));
            return LoginOutcome.rejected(AccountRejections.BAD_CREDENTIALS);
        }
        account.get().execute(a -> a.recordLogin(METHOD));
        return LoginOutcome.accepted(credential.accountId(), credential.username(), credential.role(),
                credential.enterpriseId());
    }
}
