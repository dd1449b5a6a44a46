package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Optional;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcUsccRegistry implements UsccRegistry {

    private final JdbcTemplate jdbc;

    JdbcUsccRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(Uscc uscc, EnterpriseId enterpriseId) {
        try {
            jdbc.update("INSERT INTO enterprise_uscc (uscc, enterprise_id) VALUES (?, ?)",
                    uscc.value(), enterpriseId.value());
        } catch (DuplicateKeyException taken) {
            throw new RejectedException(EnterpriseRejections.USCC_ALREADY_REGISTERED);
        }
    }

    @Override
    public Optional<EnterpriseId> holderOf(Uscc uscc) {
        return jdbc.queryForList("SELECT enterprise_id FROM enterprise_uscc WHERE uscc = ?", String.class,
                uscc.value()).stream().findFirst().map(EnterpriseId::new);
    }

    @Override
    public Optional<EnterpriseId> holderOfOrgCode(String orgCode) {
        return jdbc.queryForList("SELECT enterprise_id FROM enterprise_uscc WHERE substring(uscc from 9 for 9) = ?",
                String.class, orgCode).stream().findFirst().map(EnterpriseId::new);
    }

    /**
     * A command of another node that moved the claim first makes this one update nothing once its row lock is
     * released: the command fails as the concurrent change it lost to (rolled back, retried on the fresh aggregate)
     * rather than go on with the claim left behind.
     */
    @Override
    public void move(Uscc from, Uscc to, EnterpriseId enterpriseId) {
        int moved;
        try {
            moved = jdbc.update("UPDATE enterprise_uscc SET uscc = ? WHERE uscc = ? AND enterprise_id = ?",
                    to.value(), from.value(), enterpriseId.value());
        } catch (DuplicateKeyException taken) {
            throw new RejectedException(EnterpriseRejections.USCC_ALREADY_REGISTERED);
        }
        if (moved != 1) {
            throw new ConcurrencyException("The USCC claim of " + enterpriseId.value() + " is no longer " + from.value()
                    + ": another command moved it first");
        }
    }
}
