package cn.singlewindow.realname.messages.common;

/** What commands that may change nothing answer, so the caller knows whether there is a projection to wait for. */
public final class Versions {

    /**
     * The command changed nothing and recorded no event: the read model already shows the current state. (The
     * aggregate's own version may belong to an event no read model reflects, such as a login, and would never be
     * reached.)
     */
    public static final long NOTHING_CHANGED = -1;

    private Versions() {
    }
}
