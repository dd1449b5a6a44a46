package cn.singlewindow.realname.messages.account;

/**
 * A password hash carried over from a legacy system with its account, kept instead of a password chosen here (the
 * command side decides whether it is strong enough to keep); never printed.
 */
public record LegacyPasswordHash(String value) {

    @Override
    public String toString() {
        return "LegacyPasswordHash[******]";
    }
}
