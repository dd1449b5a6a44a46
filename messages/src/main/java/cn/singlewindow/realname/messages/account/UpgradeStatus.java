package cn.singlewindow.realname.messages.account;

public enum UpgradeStatus {
    PENDING,
    APPROVED,
    REJECTED
}
