package cn.singlewindow.realname.messages.statistics;

import java.time.LocalDate;

/** Counts between two China-time days, both included; answers {@link CertificationStatistics}. No personal data. */
public record FindCertificationStatistics(LocalDate from, LocalDate to) {
}
