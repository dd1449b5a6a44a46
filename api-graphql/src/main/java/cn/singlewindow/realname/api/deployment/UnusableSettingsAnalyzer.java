package cn.singlewindow.realname.api.deployment;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's start-up failure report for {@link UnusableSettings}: one line per property, no stack trace. */
class UnusableSettingsAnalyzer extends AbstractFailureAnalyzer<UnusableSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnusableSettings cause) {
        String lines = cause.problems().stream().map(problem -> "    " + problem.property() + ": " + problem.what())
                .collect(Collectors.joining(System.lineSeparator()));
        return new FailureAnalysis("The service's settings cannot run it:" + System.lineSeparator() + lines,
                "Set each property above on the command line, in a configuration file or as an environment"
                        + " variable (upper case, '_' for '.' and '-': REALNAME_PROVIDERS_SMS_BASE_URL), then start"
                        + " again. docs/operations.md lists them.", cause);
    }
}
