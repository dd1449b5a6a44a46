package cn.singlewindow.realname.api.security;

/**
 * The rules of Spring Security's strict firewall for header names and values (every character assigned in Unicode
 * and not a control character; values may hold a tab), checked with a loop rather than the firewall's regular
 * expressions. They ran over every header of every request each time Spring built a view of the headers (three
 * times per GraphQL request, the long bearer token included): 4% of a read's CPU.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean validName(String name) {
        return assignedAndNotControl(name, false);
    }

    static boolean validValue(String value) {
        return assignedAndNotControl(value, true);
    }

    private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            boolean allowed = Character.isDefined(codePoint)
                    && (!Character.isISOControl(codePoint) || tabAllowed && codePoint == '\t');
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
