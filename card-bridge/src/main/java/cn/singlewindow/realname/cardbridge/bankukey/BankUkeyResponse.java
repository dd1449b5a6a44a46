package cn.singlewindow.realname.cardbridge.bankukey;

/**
 * What the bank answers, signed: the attempt and state echoed, the USCC of the corporate account whose UKey signed
 * in, and the outcome. Certification data only: no balances, no transactions.
 */
public record BankUkeyResponse(String attemptId, String state, String uscc, String result) {

    public static final String PASSED = "PASSED";
    public static final String REFUSED = "REFUSED";
}
