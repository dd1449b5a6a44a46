package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.LegacyPasswordHash;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.function.Supplier;
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

    private void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RejectedException(AccountRejections.USERNAME_INVALID);
        }
    }

    @Override
    public void open(AccountId accountId, EnterpriseId enterpriseId, String username, Password password,
                     AccountRole role, AccountOwner owner) {
        checkUsername(username);
        passwords.check(username, password);
        store(accountId, enterpriseId, username, () -> passwordEncoder.encode(password.value()), role, owner);
    }

    @Override
    public void openMigrated(AccountId accountId, EnterpriseId enterpriseId, String username, Password initialPassword,
                             LegacyPasswordHash legacyHash, AccountRole role, AccountOwner owner) {
        CarriedOverPasswordHash.requireOneOf(initialPassword, legacyHash);
        if (legacyHash == null) {
            open(accountId, enterpriseId, username, initialPassword, role, owner);
            return;
        }
        checkUsername(username);
        String kept = CarriedOverPasswordHash.storedForm(legacyHash);
        store(accountId, enterpriseId, username, () -> kept, role, owner);
    }

    /** The credential (hashed last: the cheap checks refuse first), the owner's document claim and the aggregate. */
    private void store(AccountId accountId, EnterpriseId enterpriseId, String username, Supplier<String> passwordHash,
                       AccountRole role, AccountOwner owner) {
        if (credentials.exists(username)) {
            throw new RejectedException(AccountRejections.USERNAME_TAKEN);
        }
        credentials.add(new Credential(accountId, username, passwordHash.get(), role, enterpriseId));
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
