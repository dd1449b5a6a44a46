package cn.singlewindow.realname.messages.enterprise;

/** Where an enterprise user came from; only migrated ones still need real-name certification (manual §一). */
public enum EnterpriseOrigin {
    LEGACY_INSPECTION,
    LOCAL_SYSTEM,
    SINGLE_WINDOW_REGISTERED,
    CARD_LOGIN;

    public boolean needsCertification() {
        return this == LEGACY_INSPECTION || this == LOCAL_SYSTEM;
    }
}
