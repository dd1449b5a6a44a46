package cn.singlewindow.realname.query.metrics;

import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code certification_outcomes_total{method, outcome, reason}}: passes, failed checks and expiries as they happen
 * (a subscribing processor: live events only, never a replay). Reasons are codes, never personal data.
 */
@Component
@ProcessingGroup("certification-metrics")
class CertificationMetrics {

    private final MeterRegistry registry;

    CertificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(CertificationPassed event) {
        count(event.method(), "PASSED", "none");
    }

    @EventHandler
    void on(CertificationStepFailed event) {
        count(event.method(), "FAILED", event.reasonCode().name());
    }

    @EventHandler
    void on(IcCardCertificationAttempted event) {
        if (event.failureCode() != null) {
            count(CertificationMethod.IC_CARD, "FAILED", event.failureCode().name());
        }
    }

    @EventHandler
    void on(BankUkeyResultReceived event) {
        if (event.failureCode() != null) {
            count(CertificationMethod.BANK_UKEY, "FAILED", event.failureCode().name());
        }
    }

    @EventHandler
    void on(CertificationAttemptExpired event) {
        count(event.method(), "EXPIRED", "ATTEMPT_EXPIRED");
    }

    private void count(CertificationMethod method, String outcome, String reason) {
        Counter.builder("certification.outcomes")
                .description("Certification outcomes by method, outcome and reason code")
                .tag("method", method.name())
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
