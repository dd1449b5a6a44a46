package cn.singlewindow.realname.eventstore.rebuild;

import java.util.Locale;

/**
 * How far a long piece of work is, as the command-line tools draw it:
 * {@code [#####.....]  50%  5,000/10,000 events  21,300 events/s  0:00 left}.
 */
public record ProgressLine(long done, long total, Double perSecond, Double secondsLeft, String unit) {

    private static final int WIDTH = 30;

    public String text() {
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String rate = perSecond == null ? "-" : String.format(Locale.ROOT, "%,.0f", perSecond);
        long left = secondsLeft == null ? 0 : Math.round(secondsLeft);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d/%,d %s  %s %s/s  %d:%02d left", "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, unit, rate, unit, left / 60,
                left % 60);
    }
}
