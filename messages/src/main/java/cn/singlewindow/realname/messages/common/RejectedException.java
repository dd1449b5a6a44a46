package cn.singlewindow.realname.messages.common;

/** A rule said no. Carries the typed {@link Rejection} that the API turns into a GraphQL error. */
public class RejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedException(Rejection rejection) {
        super(rejection.code() + ": " + rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
