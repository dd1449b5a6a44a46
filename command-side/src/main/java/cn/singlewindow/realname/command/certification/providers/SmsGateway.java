package cn.singlewindow.realname.command.certification.providers;

/** Port to the SMS gateway. */
public interface SmsGateway {

    /** @throws ProviderUnavailableException when the message cannot be handed over now */
    void send(String phone, String text);
}
