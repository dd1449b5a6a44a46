package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Opens accounts after the user name and password rules, with the credential stored beside the aggregate. */
@Component
class CheckedAccountOpening implements AccountOpening {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{4,32}");

    private final Repository<Account> accounts;
    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final OwnerDocumentRegistry ownerDocuments;
    private final PasswordPolicy passwords;

    CheckedAccountOpening(Repository<Account> accounts, CredentialStore credentials, PasswordEncoder passwordEncoder,
                          OwnerDocumentRegistry ownerDocuments, PasswordPolicy passwords) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.ownerDocuments = ownerDocuments;
        this.passwords = passwords;
    }

    private void checkAvailable(String username, Password password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RejectedException(AccountRejections.USERNAME_INVALID);
        }
        passwords.check(username, password);
        if (credentials.exists(username)) {
            throw new RejectedException(AccountRejections.USERNAME_TAKEN);
        }
    }

    @Override
    public void open(AccountId accountId, EnterpriseId enterpriseId, String username, Password password,
                     AccountRole role, AccountOwner owner) {
        checkAvailable(username, password);
        credentials.add(new Credential(accountId, username, passwordEncoder.encode(password.value()), role,
                enterpriseId));
        if (enterpriseId != null && owner != null) {
            ownerDocuments.claim(enterpriseId, owner.documentNumber(), accountId);
        }
        try {
            accounts.newInstance(() -> new Account(accountId, enterpriseId, username, role, owner));
        } catch (Exception e) {
            throw new IllegalStateException("could not open account " + accountId, e);
        }
    }

    @Override
    public String usernameOf(AccountId accountId) {
        return accounts.load(accountId.value()).invoke(Account::username);
    }
}
