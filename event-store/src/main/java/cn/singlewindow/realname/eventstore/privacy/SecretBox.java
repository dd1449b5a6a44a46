package cn.singlewindow.realname.eventstore.privacy;

/**
 * Small operational secrets kept in the database (a webhook's signing secret), sealed at rest: SM4-GCM under a key
 * derived from the privacy master key, so a copy of the database alone does not give them away.
 */
public interface SecretBox {

    /** The secret sealed, as text to store; a fresh nonce each time. */
    String seal(String secret);

    /** The secret back; a sealed text altered or sealed under another master key fails. */
    String open(String sealed);
}
