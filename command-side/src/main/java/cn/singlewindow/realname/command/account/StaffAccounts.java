package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.CreateStaffAccount;
import cn.singlewindow.realname.messages.common.RejectedException;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

@Component
class StaffAccounts {

    private final AccountOpening opening;

    StaffAccounts(AccountOpening opening) {
        this.opening = opening;
    }

    @CommandHandler
    void handle(CreateStaffAccount command) {
        if (command.role() == null || !command.role().isStaff()) {
            throw new RejectedException(AccountRejections.NOT_STAFF_ROLE);
        }
        opening.open(command.accountId(), null, command.username(), command.password(), command.role(), null);
    }
}
