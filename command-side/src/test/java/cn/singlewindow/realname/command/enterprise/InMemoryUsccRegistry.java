package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.ConcurrencyException;

/** The registry's contract without a database; the JDBC one is exercised by the API tests. */
public final class InMemoryUsccRegistry implements UsccRegistry {

    private final Map<Uscc, EnterpriseId> holders = new HashMap<>();

    @Override
    public void claim(Uscc code, EnterpriseId enterpriseId) {
        if (holders.putIfAbsent(code, enterpriseId) != null) {
            throw new RejectedException(EnterpriseRejections.USCC_ALREADY_REGISTERED);
        }
    }

    @Override
    public Optional<EnterpriseId> holderOf(Uscc uscc) {
        return Optional.ofNullable(holders.get(uscc));
    }

    @Override
    public Optional<EnterpriseId> holderOfOrgCode(String orgCode) {
        return holders.entrySet().stream().filter(e -> e.getKey().orgCode().value().equals(orgCode))
                .map(Map.Entry::getValue).findFirst();
    }

    @Override
    public void move(Uscc from, Uscc to, EnterpriseId enterpriseId) {
        if (!enterpriseId.equals(holders.get(from))) {
            throw new ConcurrencyException("the claim of " + enterpriseId.value() + " is no longer " + from.value());
        }
        claim(to, enterpriseId);
        holders.remove(from, enterpriseId);
    }
}
