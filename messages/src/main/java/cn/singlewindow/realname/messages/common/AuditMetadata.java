package cn.singlewindow.realname.messages.common;

import java.util.List;

/** Metadata keys every command carries and every event inherits: who, from where, through what, which request. */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String CHANNEL = "channel";
    public static final String CORRELATION_ID = "correlationId";

    public static final List<String> KEYS = List.of(ACTOR, CLIENT_ADDRESS, CHANNEL, CORRELATION_ID);

    /** Actor recorded for work the system does on its own behalf (bootstrap, deadlines). */
    public static final String SYSTEM_ACTOR = "system";

    private AuditMetadata() {
    }
}
