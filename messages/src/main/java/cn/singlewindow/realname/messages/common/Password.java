package cn.singlewindow.realname.messages.common;

/** A password in transit to the command side, where it is hashed or checked; never printed. */
public record Password(String value) {

    @Override
    public String toString() {
        return "Password[******]";
    }
}
