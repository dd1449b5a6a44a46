package cn.singlewindow.realname.eventstore.readmodel;

/**
 * What a node keeps of the read models and drops when the database announces a change ({@link ReadModelChanges}):
 * an enterprise's rows, all of them, or nothing while announcements cannot be received.
 */
public interface ReadModelListener {

    /** The enterprise's rows changed (committed, by any node). */
    void changed(String enterpriseId);

    /** Everything may have changed: a rebuild, or announcements that could not be received. */
    void allChanged();

    /** Whether announcements are being received; nothing may be kept while they are not. */
    void listening(boolean listening);
}
