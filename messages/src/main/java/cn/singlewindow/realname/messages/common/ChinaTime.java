package cn.singlewindow.realname.messages.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates printed on Chinese documents are China Standard Time dates. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
