package cn.singlewindow.realname.query.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.RunningService;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A person's erasure during a rebuild reaches the rows the rebuild still holds (RebuiltRows). */
class RebuiltRowsErasureTest extends RunningService {

    /** The read models as a rebuild replays into them (RebuiltRows holds their new rows). */
    @Autowired
    ProjectionTables readModels;

    @Autowired
    AccountRows accounts;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_erasure_during_a_replay_erases_the_rows_not_flushed_yet() {
        String accountId = UUID.randomUUID().toString();
        String personRef = "person-" + accountId;
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            readModels.replaying(() -> {
                AccountRow row = new AccountRow();
                row.accountId = accountId;
                row.username = "u-" + accountId.substring(0, 8);
                row.role = AccountRole.ADMINISTRATOR;
                row.ownerName = "张三";
                row.documentNumber = "1101**********1234";
                row.ownerRef = personRef;
                row.version = 1;
                row.updatedAt = Instant.now();
                accounts.save(row);

                assertThat(accounts.erasePerson(personRef)).isEqualTo(1);
                return null;
            });
            assertThat(jdbc.queryForMap("SELECT owner_name, document_number, owner_ref FROM account_view"
                    + " WHERE account_id = ?", accountId)).hasSize(3).allSatisfy((column, value) ->
                    assertThat(value).as(column).isNull());
            tx.setRollbackOnly();
        });
    }
}
