package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.RegisterPersonalAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

@Component
class PersonalAccounts {

    private final AccountOpening opening;

    PersonalAccounts(AccountOpening opening) {
        this.opening = opening;
    }

    @CommandHandler
    void handle(RegisterPersonalAccount command) {
        opening.open(command.accountId(), null, command.username(), command.password(), AccountRole.PERSONAL,
                command.owner());
    }
}
