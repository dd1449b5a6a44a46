package cn.singlewindow.realname.messages.account;

/**
 * The person who owns an account. Validity dates are YYYYMMDD as the manual writes them; {@code 00000000}
 * means long-term.
 */
public record AccountOwner(String name, DocumentType documentType, String documentNumber,
                           String idValidFrom, String idValidTo) {
}
