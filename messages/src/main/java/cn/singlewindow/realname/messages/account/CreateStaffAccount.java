package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

public record CreateStaffAccount(AccountId accountId, String username, Password password, AccountRole role) {
}
