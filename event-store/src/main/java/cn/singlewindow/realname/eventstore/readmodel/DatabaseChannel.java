package cn.singlewindow.realname.eventstore.readmodel;

/**
 * What a node keeps in memory of something the database holds, and must drop or refresh when another node (or this
 * one) changes it: the database announces each change on the channel ({@code pg_notify}) once it commits.
 */
public interface DatabaseChannel {

    /** The channel's name, as LISTEN takes it. */
    String name();

    /** A change was announced, with what the announcement carries. */
    void received(String payload);

    /**
     * Whether announcements are being received. While they are not, nothing may be kept; once they are again, all
     * must be read afresh, since changes made meanwhile were never announced.
     */
    void listening(boolean listening);
}
