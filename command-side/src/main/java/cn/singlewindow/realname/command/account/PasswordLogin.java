package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AuthenticateAccount;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, user name and password. Every attempt on a known account is an event, refused ones included;
 * a refusal is returned rather than thrown so that its event commits. A user name locked after too many refusals
 * ({@link LoginLockout}), or a client address with too many in the window ({@link AddressThrottle}), is refused
 * before any password is checked; an unknown user name is answered exactly as a known one, lock included.
 */
@Component
class PasswordLogin {

    static final String METHOD = "PASSWORD";
    private static final int FORGET_OLD_EVERY = 100;

    private final CredentialStore credentials;
    private final Repository<Account> accounts;
    private final PasswordEncoder passwordEncoder;
    private final AddressThrottle addressThrottle;
    private final LoginLockout lockout;
    // Compared against when the user name is unknown, so a wrong name costs as long as a wrong password.
    private final String decoyHash;
    private final AtomicInteger failures = new AtomicInteger();

    PasswordLogin(CredentialStore credentials, Repository<Account> accounts, PasswordEncoder passwordEncoder,
                  AddressThrottle addressThrottle, LoginLockout lockout) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.addressThrottle = addressThrottle;
        this.lockout = lockout;
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
        if (addressThrottle.tooMany(address, now) || lockout.locked(command.username(), now)) {
            account.ifPresent(a -> a.execute(it -> it.recordRejectedLogin(AccountRejections.TOO_MANY_ATTEMPTS.code(),
                    METHOD, null)));
            return LoginOutcome.rejected(AccountRejections.TOO_MANY_ATTEMPTS);
        }
        boolean right = passwordEncoder.matches(presented, found.map(Credential::passwordHash).orElse(decoyHash))
                && found.isPresent();
        if (!right) {
            addressThrottle.recordFailure(address, now);
            Optional<Instant> lockedUntil = lockout.recordFailure(command.username(), now);
            account.ifPresent(a -> a.execute(it -> {
                it.recordRejectedLogin(AccountRejections.BAD_CREDENTIALS.code(), METHOD, null);
                lockedUntil.ifPresent(it::recordLocked);
            }));
            if (failures.incrementAndGet() % FORGET_OLD_EVERY == 0) {
                lockout.forgetOld(now);
            }
            return LoginOutcome.rejected(AccountRejections.BAD_CREDENTIALS);
        }
        lockout.clear(command.username());
        if (account.get().invoke(Account::disabled)) {
            account.get().execute(a -> a.recordRejectedLogin(AccountRejections.ACCOUNT_DISABLED.code(), METHOD, null));
            return LoginOutcome.rejected(AccountRejections.ACCOUNT_DISABLED);
        }
        account.get().execute(a -> a.recordLogin(METHOD));
        Credential credential = found.get();
        return LoginOutcome.accepted(credential.accountId(), credential.username(), credential.role(),
                credential.enterpriseId());
    }
}
