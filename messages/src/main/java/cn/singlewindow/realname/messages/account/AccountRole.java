package cn.singlewindow.realname.messages.account;

/** Enterprise roles (ADMINISTRATOR, OPERATOR, PERSONAL) and staff roles (OPERATIONS, AUDITOR, ANALYST). */
public enum AccountRole {
    ADMINISTRATOR,
    OPERATOR,
    PERSONAL,
    OPERATIONS,
    AUDITOR,
    ANALYST;

    public boolean isStaff() {
        return this == OPERATIONS || this == AUDITOR || this == ANALYST;
    }
}
