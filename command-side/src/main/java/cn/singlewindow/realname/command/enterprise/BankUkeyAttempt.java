package cn.singlewindow.realname.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.BankUkeyCallbackRejected;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * One attempt through a bank (manual §2.5.6), a member of its {@link Enterprise}: open from the redirect until the
 * bank's verified answer, expiry, or a start through another bank. The bank checks the enterprise behind its corporate
 * account: one step, and the enterprise's information is verified when it passes.
 */
final class BankUkeyAttempt {

    @EntityId(routingKey = "attemptId")
    private final String attemptId;
    // The root, for the enterprise's id and what it has passed; not part of this attempt's state.
    private final transient Enterprise enterprise;
    private final Bank bank;
    private final Instant startedAt;
    private boolean open = true;

    BankUkeyAttempt(Enterprise enterprise, String attemptId, Bank bank, Instant startedAt) {
        this.enterprise = enterprise;
        this.attemptId = attemptId;
        this.bank = bank;
        this.startedAt = startedAt;
    }

    String attemptId() {
        return attemptId;
    }

    Bank bank() {
        return bank;
    }

    boolean open() {
        return open;
    }

    boolean idle(Instant now, Duration idleTimeout) {
        return IdleAttemptExpiry.idle(startedAt, now, idleTimeout);
    }

    /**
     * The bank's verified answer ends the attempt. A callback that failed verification, or a genuine answer that came
     * after the attempt ended, is only recorded.
     */
    @CommandHandler
    StepResult handle(RecordBankUkeyResult command, CertificationPolicy policy) {
        FailureReason rejected = command.rejectedCallback() ? command.failureCode()
                : !open ? FailureReason.ATTEMPT_CLOSED : command.bank() != bank ? FailureReason.OTHER_BANK : null;
        if (rejected != null) {
            apply(new BankUkeyCallbackRejected(enterprise.enterpriseId(), attemptId, command.bank(), rejected));
            return new StepResult(attemptId, getVersion(), rejected);
        }
        apply(new BankUkeyResultReceived(enterprise.enterpriseId(), attemptId, bank, command.failureCode()));
        if (command.failureCode() == null && !enterprise.passed(CertificationMethod.BANK_UKEY)) {
            apply(new CertificationPassed(enterprise.enterpriseId(), attemptId, CertificationMethod.BANK_UKEY,
                    policy.bankUkeyLevel(), true, null));
        }
        return new StepResult(attemptId, getVersion(), command.failureCode());
    }

    @EventSourcingHandler
    void on(BankUkeyResultReceived event) {
        open = false;
    }

    @EventSourcingHandler
    void on(CertificationAttemptExpired event) {
        open = false;
    }

    // Value equality without the root: the test fixture compares the state from handling with the state re-sourced.
    @Override
    public boolean equals(Object other) {
        return other instanceof BankUkeyAttempt that && attemptId.equals(that.attemptId) && bank == that.bank
                && Objects.equals(startedAt, that.startedAt) && open == that.open;
    }

    @Override
    public int hashCode() {
        return attemptId.hashCode();
    }
}
