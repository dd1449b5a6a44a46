package cn.singlewindow.realname.messages.common;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation of typed-in codes: full-width characters folded (NFKC), spaces dropped, upper case. */
public final class Codes {

    private Codes() {
    }

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
