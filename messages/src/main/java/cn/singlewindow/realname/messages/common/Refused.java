package cn.singlewindow.realname.messages.common;

/**
 * What a command handler answers when it refused the command and recorded the refusal as an event: returned, not
 * thrown, so that the event commits. The sender turns it into the refusal.
 */
public record Refused(Rejection rejection) {
}
