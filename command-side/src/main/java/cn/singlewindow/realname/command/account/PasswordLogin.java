package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AuthenticateAccount;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, user name and password. Every attempt on a known account is an event, refused ones included;
 * a refusal is returned rather than thrown so that its event commits.
 */
@Component
class PasswordLogin {

    static final String METHOD = "PASSWORD";

    private final CredentialStore credentials;
    private final Repository<Account> accounts;
    private final PasswordEncoder passwordEncoder;
    // Compared against when the user name is unknown, so a wrong name costs as long as a wrong password.
    private final String decoyHash;

    PasswordLogin(CredentialStore credentials, Repository<Account> accounts, PasswordEncoder passwordEncoder) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-1");
    }

    @CommandHandler
    LoginOutcome handle(AuthenticateAccount command) {
        String presented = command.password() == null ? "" : command.password().value();
        Optional<Credential> found = credentials.findByUsername(command.username());
        if (found.isEmpty()) {
            passwordEncoder.matches(presented, decoyHash);
            return LoginOutcome.rejected(AccountRejections.BAD_CREDENTIALS);
        }
        Credential credential = found.get();
        var account = accounts.load(credential.accountId().value());
        if (!passwordEncoder.matches(presented, credential.passwordHash())) {
            account.execute(a -> a.recordRejectedLogin(AccountRejections.BAD_CREDENTIALS.code()));
            return LoginOutcome.rejected(AccountRejections.BAD_CREDENTIALS);
        }
        account.execute(a -> a.recordLogin(METHOD));
        return LoginOutcome.accepted(credential.accountId(), credential.username(), credential.role(),
                credential.enterpriseId());
    }
}
