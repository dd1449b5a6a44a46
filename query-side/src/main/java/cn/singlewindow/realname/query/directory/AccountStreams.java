package cn.singlewindow.realname.query.directory;

import cn.singlewindow.realname.eventstore.audit.EnterpriseStreams;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The accounts whose histories belong to an enterprise's trail: those the directory lists under it. */
@Component
class AccountStreams implements EnterpriseStreams {

    private final JdbcTemplate jdbc;

    AccountStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> accountsOf(EnterpriseId enterpriseId) {
        return jdbc.queryForList("SELECT account_id FROM account_view WHERE enterprise_id = ? ORDER BY account_id",
                String.class, enterpriseId.value());
    }
}
