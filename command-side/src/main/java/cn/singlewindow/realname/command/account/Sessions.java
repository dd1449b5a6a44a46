package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.ChangePassword;
import cn.singlewindow.realname.messages.account.EndSession;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.common.RejectedException;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1 安全退出, and a password changed by the account's own user. A session ends on every node once its
 * command commits ({@link KeptSessionRevocations}). A wrong current password counts as a refused login of the user
 * name ({@link LoginLockout}): a session someone else got hold of is no way to guess the password.
 */
@Component
class Sessions {

    static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

    private final CredentialStore credentials;
    private final Repository<Account> accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final LoginLockout lockout;
    private final SessionCuts sessions;

    Sessions(CredentialStore credentials, Repository<Account> accounts, PasswordEncoder passwordEncoder,
             PasswordPolicy passwordPolicy, LoginLockout lockout, SessionCuts sessions) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.lockout = lockout;
        this.sessions = sessions;
    }

    @CommandHandler
    boolean handle(EndSession command) {
        if (command.sessionId() == null) {
            sessions.endAllBut(command.accountId(), null, GenericEventMessage.clock.instant());
        } else {
            sessions.end(command.sessionId(), command.expiresAt());
        }
        accounts.load(command.accountId().value()).execute(Account::recordSessionEnded);
        return true;
    }

    /** Answers true, or {@link Refused} (recorded) when the current password is wrong or the name locked. */
    @CommandHandler
    Object handle(ChangePassword command) {
        Instant now = GenericEventMessage.clock.instant();
        Credential credential = credentials.findByAccountId(command.accountId())
                .orElseThrow(() -> new RejectedException(AccountRejections.BAD_CREDENTIALS));
        var account = accounts.load(command.accountId().value());
        if (lockout.locked(credential.username(), now)) {
            account.execute(a -> a.recordRejectedLogin(AccountRejections.TOO_MANY_ATTEMPTS.code(), PASSWORD_CHANGE,
                    null));
            return new Refused(AccountRejections.TOO_MANY_ATTEMPTS);
        }
        if (!passwordEncoder.matches(value(command.currentPassword()), credential.passwordHash())) {
            lockout.recordFailure(credential.username(), now).ifPresent(until ->
                    account.execute(a -> a.recordLocked(until)));
            account.execute(a -> a.recordRejectedLogin(AccountRejections.BAD_CREDENTIALS.code(), PASSWORD_CHANGE,
                    null));
            return new Refused(AccountRejections.BAD_CREDENTIALS);
        }
        passwordPolicy.check(credential.username(), command.newPassword());
        if (value(command.newPassword()).equals(value(command.currentPassword()))) {
            throw new RejectedException(AccountRejections.SAME_PASSWORD);
        }
        credentials.changePassword(command.accountId(), passwordEncoder.encode(value(command.newPassword())));
        account.execute(Account::recordPasswordChanged);
        sessions.endAllBut(command.accountId(), command.sessionId(), now);
        return true;
    }

    private static String value(Password password) {
        return password == null || password.value() == null ? "" : password.value();
    }
}
