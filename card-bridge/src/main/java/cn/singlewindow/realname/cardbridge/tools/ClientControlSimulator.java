package cn.singlewindow.realname.cardbridge.tools;

import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Plays the E-Port client control from a terminal: signs a challenge's nonce with a software card's private key,
 * as the card would, and prints the base64 signature for {@code certifyByIcCard} / {@code loginWithCard}
 * (docs/card-bridge.md).
 */
public final class ClientControlSimulator {

    private ClientControlSimulator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ClientControlSimulator <card-private-key.pem> <nonce-base64>");
            System.exit(2);
        }
        byte[] nonce = Base64.getDecoder().decode(args[1].strip());
        byte[] signature = SoftwareCardAuthority.sign(Pem.privateKey(Files.readString(Path.of(args[0]))), nonce);
        System.out.println(Base64.getEncoder().encodeToString(signature));
    }
}
