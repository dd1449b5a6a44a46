package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcOwnerDocumentRegistry implements OwnerDocumentRegistry {

    private final JdbcTemplate jdbc;

    JdbcOwnerDocumentRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(EnterpriseId enterpriseId, String documentNumber, AccountId accountId) {
        try {
            // Racing claims serialise on the primary key: the second waits for the first to commit, then fails.
            jdbc.update("INSERT INTO enterprise_owner_document (enterprise_id, document_number, account_id)"
                    + " VALUES (?, ?, ?)", enterpriseId.value(), documentNumber, accountId.value());
        } catch (DuplicateKeyException taken) {
            throw new RejectedException(AccountRejections.DUPLICATE_DOCUMENT_NUMBER);
        }
    }

    @Override
    public java.util.Optional<AccountId> accountOf(EnterpriseId enterpriseId, String documentNumber) {
        return jdbc.queryForList("SELECT account_id FROM enterprise_owner_document WHERE enterprise_id = ?"
                        + " AND document_number = ?", String.class, enterpriseId.value(), documentNumber)
                .stream().findFirst().map(AccountId::new);
    }

    @Override
    public void release(EnterpriseId enterpriseId, String documentNumber, AccountId accountId) {
        jdbc.update("DELETE FROM enterprise_owner_document WHERE enterprise_id = ? AND document_number = ?"
                + " AND account_id = ?", enterpriseId.value(), documentNumber, accountId.value());
    }

    @Override
    public void forget(String documentNumber) {
        jdbc.update("DELETE FROM enterprise_owner_document WHERE document_number = ?", documentNumber);
    }
}
