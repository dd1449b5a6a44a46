package cn.singlewindow.realname.command.certification.providers;

/** A provider (CTID, bank-card check, SMS) did not answer in time or answered with an error. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String provider, String why) {
        super(provider + " unavailable: " + why, null, false, false);
    }
}
