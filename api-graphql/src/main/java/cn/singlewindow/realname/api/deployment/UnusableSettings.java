package cn.singlewindow.realname.api.deployment;

import java.util.List;
import java.util.stream.Collectors;

/** The start stops here: settings missing, unusable or contradicting each other, each named by its property. */
public class UnusableSettings extends RuntimeException {

    private final transient List<Problem> problems;

    public UnusableSettings(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    public record Problem(String property, String what) {

        @Override
        public String toString() {
            return property + " " + what;
        }
    }
}
