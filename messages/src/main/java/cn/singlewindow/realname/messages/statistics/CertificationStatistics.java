package cn.singlewindow.realname.messages.statistics;

import java.time.LocalDate;
import java.util.List;

/** Attempts and outcomes per day and method, failure reasons, and enterprises per security level now. */
public record CertificationStatistics(LocalDate from, LocalDate to, List<DailyCount> perDay,
                                      List<ReasonCount> failureReasons, List<LevelCount> enterprisesPerLevel) {

    public record DailyCount(LocalDate day, String method, long started, long passed, long failed, long expired) {
    }

    public record ReasonCount(String method, String reason, long count) {
    }

    public record LevelCount(String level, long count) {
    }
}
