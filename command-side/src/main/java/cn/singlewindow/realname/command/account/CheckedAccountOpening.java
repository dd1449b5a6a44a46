package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Opens accounts after the user name and password rules, with the credential stored beside the aggregate. */
@Component
class CheckedAccountOpening implements AccountOpening {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{4,32}");
    private static final int MAX_PASSWORD_BYTES = 72;

    private final Repository<Account> accounts;
    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final OwnerDocumentRegistry ownerDocuments;

    CheckedAccountOpening(Repository<Account> accounts, CredentialStore credentials, PasswordEncoder passwordEncoder,
                   OwnerDocumentRegistry ownerDocuments) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.ownerDocuments = ownerDocuments;
    }

    private void checkAvailable(String username, Password password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new RejectedException(AccountRejections.USERNAME_INVALID);
        }
        if (!isStrongEnough(password)) {
            throw new RejectedException(AccountRejections.PASSWORD_TOO_WEAK);
        }
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

    private static boolean isStrongEnough(Password password) {
        if (password == null || password.value() == null) {
            return false;
        }
        String value = password.value();
        // BCrypt reads at most 72 bytes (and Spring Security refuses more): 64 Chinese characters are 192.
        return value.length() >= 8 && value.length() <= 64
                && value.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && value.chars().anyMatch(Character::isLetter)
                && value.chars().anyMatch(Character::isDigit);
    }
}
