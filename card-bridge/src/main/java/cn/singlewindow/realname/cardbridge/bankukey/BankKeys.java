package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.messages.card.Bank;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** Our signing key for requests, and each bank's certificate and address. */
public interface BankKeys {

    PrivateKey platformKey();

    X509Certificate platformCertificate();

    X509Certificate bankCertificate(Bank bank);

    /** Where the browser goes to sign in with the bank's UKey. */
    String bankUrl(Bank bank);
}
