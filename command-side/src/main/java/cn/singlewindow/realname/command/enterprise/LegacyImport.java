package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.command.account.AccountOpening;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.NewAccount;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegacyImportResult;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Brings a migrated enterprise in with its administrator: both aggregates and both uniqueness claims are
 * written in one unit of work, so either the whole import is stored or none of it. An enterprise imported before is
 * answered by {@link ImportedOnce}: unchanged, or refused.
 */
@Component
class LegacyImport {

    private final Repository<Enterprise> enterprises;
    private final AccountOpening accountOpening;
    private final UsccRegistry usccRegistry;

    LegacyImport(Repository<Enterprise> enterprises, AccountOpening accountOpening, UsccRegistry usccRegistry) {
        this.enterprises = enterprises;
        this.accountOpening = accountOpening;
        this.usccRegistry = usccRegistry;
    }

    @CommandHandler
    Object handle(ImportLegacyEnterprise command) throws Exception {
        Optional<EnterpriseId> earlier = usccRegistry.holderOf(command.uscc());
        if (earlier.isPresent()) {
            ImportedOnce.ImportedAs imported = enterprises.load(earlier.get().value()).invoke(Enterprise::importedAs);
            if (imported != null && imported.uscc().equals(command.uscc()) && ImportedOnce.same(imported,
                    accountOpening.usernameOf(imported.administratorId()), command)) {
                return new LegacyImportResult(earlier.get(), LegacyImportResult.Outcome.UNCHANGED);
            }
            return new Refused(ImportedOnce.DIFFERENTLY);
        }
        NewAccount administrator = command.administrator();
        enterprises.newInstance(() -> new Enterprise(command.enterpriseId(), command.name(), command.uscc(),
                command.orgCode(), command.legalRepresentative(), command.origin(), administrator.accountId()));
        usccRegistry.claim(command.uscc(), command.enterpriseId());
        accountOpening.openMigrated(administrator.accountId(), command.enterpriseId(), administrator.username(),
                administrator.initialPassword(), administrator.legacyPasswordHash(), AccountRole.ADMINISTRATOR,
                administrator.owner());
        return new LegacyImportResult(command.enterpriseId(), LegacyImportResult.Outcome.IMPORTED);
    }
}
