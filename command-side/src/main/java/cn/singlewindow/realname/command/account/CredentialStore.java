package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * User names and password hashes. Written in the same transaction as the account's first event, behind a
 * unique constraint on the user name without regard to case, so two racing sign-ups cannot both take one name.
 */
@Component
class CredentialStore {

    private final JdbcTemplate jdbc;

    CredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Credential credential) {
        try {
            jdbc.update("INSERT INTO account_credential (account_id, username, password_hash, role, enterprise_id)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    credential.accountId().value(), credential.username(), credential.passwordHash(),
                    credential.role().name(),
                    credential.enterpriseId() == null ? null : credential.enterpriseId().value());
        } catch (DuplicateKeyException taken) {
            throw new RejectedException(AccountRejections.USERNAME_TAKEN);
        }
    }

    /** The account now belongs to the enterprise in that role: sessions issued from here on say so. */
    void joinEnterprise(AccountId accountId, EnterpriseId enterpriseId, AccountRole role) {
        jdbc.update("UPDATE account_credential SET enterprise_id = ?, role = ? WHERE account_id = ?",
                enterpriseId.value(), role.name(), accountId.value());
    }

    void changePassword(AccountId accountId, String passwordHash) {
        jdbc.update("UPDATE account_credential SET password_hash = ? WHERE account_id = ?", passwordHash,
                accountId.value());
    }

    boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account_credential WHERE lower(username) = lower(?))", Boolean.class,
                username));
    }

    Optional<Credential> findByUsername(String username) {
        return find("username", username);
    }

    Optional<Credential> findByAccountId(AccountId accountId) {
        return find("account_id", accountId.value());
    }

    private Optional<Credential> find(String column, String value) {
        return jdbc.query("SELECT account_id, username, password_hash, role, enterprise_id FROM account_credential"
                                + " WHERE " + column + " = ?",
                        (rs, row) -> new Credential(new AccountId(rs.getString(1)), rs.getString(2), rs.getString(3),
                                AccountRole.valueOf(rs.getString(4)),
                                rs.getString(5) == null ? null : new EnterpriseId(rs.getString(5))),
                        value)
                .stream().findFirst();
    }
}
