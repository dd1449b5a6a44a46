package cn.singlewindow.realname.api.bankukey;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyGateway;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyResponse;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyStates;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.FindCertificationAttempt;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The bank's answer, through the user's browser: believed only when signed by that bank, echoing a state we
 * issued for that bank, unused and in time, about the same enterprise. Anything else is recorded on the attempt
 * it claims to be about (CALLBACK_INVALID) and changes nothing. The browser then lands on a result page.
 */
@Controller
class BankCallbackController {

    private static final Logger log = LoggerFactory.getLogger(BankCallbackController.class);

    private final BankUkeyGateway gateway;
    private final BankUkeyStates states;
    private final Commands commands;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    BankCallbackController(BankUkeyGateway gateway, BankUkeyStates states, Commands commands,
                           ReadYourWrites readYourWrites, Clock clock) {
        this.gateway = gateway;
        this.states = states;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @PostMapping("/bank-ukey/callback/{bank}")
    ResponseEntity<Void> callback(@PathVariable Bank bank, @RequestParam("response") String response,
                                  HttpServletRequest http) {
        Optional<BankUkeyResponse> verified = gateway.verifiedResponse(bank, response);
        BankUkeyStates.Pending pending;
        FailureReason problem;
        if (verified.isPresent()) {
            BankUkeyStates.Claim claim = states.claim(verified.get().state(), bank, clock.instant());
            pending = claim.pending() != null ? claim.pending() : states.find(verified.get().state());
            problem = claim.problem();
            if (problem == null && !pending.attemptId().equals(verified.get().attemptId())) {
                problem = FailureReason.OTHER_ATTEMPT;
            }
            if (problem == null && !pending.uscc().equals(verified.get().uscc())) {
                problem = FailureReason.OTHER_ENTERPRISE;
            }
        } else {
            pending = gateway.unverifiedResponse(response).map(claimed -> states.find(claimed.state())).orElse(null);
            problem = FailureReason.SIGNATURE_INVALID;
        }
        if (pending == null) {
            log.warn("Bank UKey callback from {} about no known attempt ({}); ignored", bank, problem);
            return result(null, "CALLBACK_INVALID");
        }
        MetaData origin = MetaData.with(AuditMetadata.ACTOR, "bank:" + bank.name())
                .and(AuditMetadata.CLIENT_ADDRESS, http.getRemoteAddr())
                .and(AuditMetadata.CHANNEL, "BANK_CALLBACK")
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        if (problem != null) {
            record(new RecordBankUkeyResult(pending.enterpriseId(), pending.attemptId(), bank, problem, true), origin);
            return result(pending.attemptId(), "CALLBACK_INVALID");
        }
        boolean passed = BankUkeyResponse.PASSED.equals(verified.get().result());
        StepResult step = record(new RecordBankUkeyResult(pending.enterpriseId(), pending.attemptId(), bank,
                passed ? null : FailureReason.BANK_REFUSED, false), origin);
        if (step == null) {
            return result(pending.attemptId(), "CALLBACK_INVALID");
        }
        if (step.failureCode() == null) {
            return result(pending.attemptId(), "PASSED");
        }
        // A genuine answer that came after its attempt closed is kept as a rejected callback.
        return result(pending.attemptId(), step.failureCode() == FailureReason.BANK_REFUSED ? "BANK_REFUSED"
                : "CALLBACK_INVALID");
    }

    /**
     * Records the outcome and waits until the attempt shows it, so the result page and any query agree; null when the
     * enterprise refused it (no such attempt there), which it recorded.
     */
    private StepResult record(RecordBankUkeyResult command, MetaData origin) {
        try {
            return commands.<StepResult>send(command, origin)
                    .thenCompose(step -> readYourWrites.await(new FindCertificationAttempt(step.attemptId()),
                            CertificationAttemptView.class, CertificationAttemptView::version, step.version())
                            .thenApply(attempt -> step))
                    .join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RejectedException refused) {
                log.warn("Bank UKey callback refused: {}", refused.rejection().code());
                return null;
            }
            throw failed;
        }
    }

    @GetMapping(value = "/bank-ukey/result", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> resultPage(@RequestParam(required = false) String attemptId,
                                      @RequestParam String outcome) {
        String title = "PASSED".equals(outcome) ? "认证成功 Certified" : "认证未通过 Not certified";
        String body = "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1><p id=\"outcome\">" + HtmlUtils.htmlEscape(outcome)
                + "</p><p>认证编号 Attempt: <span id=\"attempt\">" + HtmlUtils.htmlEscape(String.valueOf(attemptId))
                + "</span></p><p>请退出网银并关闭浏览器。Please sign out of the bank and close the browser.</p>"
                + "</body></html>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(body);
    }

    private static ResponseEntity<Void> result(String attemptId, String outcome) {
        URI location = UriComponentsBuilder.fromPath("/bank-ukey/result")
                .queryParam("outcome", outcome)
                .queryParamIfPresent("attemptId", Optional.ofNullable(attemptId))
                .build().encode().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }
}
