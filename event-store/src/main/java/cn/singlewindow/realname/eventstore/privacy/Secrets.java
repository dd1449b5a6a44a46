package cn.singlewindow.realname.eventstore.privacy;

/**
 * A secret given in configuration (base64, shared by all nodes of a cluster) or, when unset, generated once and kept
 * so that it outlives a restart, readable by its owner only. Never committed, never logged.
 */
public interface Secrets {

    /** The configured secret, else the one kept as {@code fileName}; {@code property} names it in errors. */
    byte[] resolve(String configured, String fileName, int minimumBytes, String property);
}
