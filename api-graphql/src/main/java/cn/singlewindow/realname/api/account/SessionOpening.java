package cn.singlewindow.realname.api.account;

import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.security.SessionTokens;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.FindAccount;
import cn.singlewindow.realname.messages.account.LoginOutcome;
import cn.singlewindow.realname.messages.common.RejectedException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** Turns an accepted login, by password or by card, into a session; a refused one into its typed error. */
@Component
public class SessionOpening {

    public record Session(String token, Instant expiresAt, AccountView account) {
    }

    private final SessionTokens sessionTokens;
    private final ReadYourWrites readYourWrites;

    SessionOpening(SessionTokens sessionTokens, ReadYourWrites readYourWrites) {
        this.sessionTokens = sessionTokens;
        this.readYourWrites = readYourWrites;
    }

    public CompletableFuture<Session> open(LoginOutcome outcome) {
        if (!outcome.accepted()) {
            throw new RejectedException(outcome.rejection());
        }
        SessionTokens.IssuedToken token = sessionTokens.issue(outcome);
        return readYourWrites.await(new FindAccount(outcome.accountId()), AccountView.class, AccountView::version, 0)
                .thenApply(account -> new Session(token.token(), token.expiresAt(), account));
    }
}
