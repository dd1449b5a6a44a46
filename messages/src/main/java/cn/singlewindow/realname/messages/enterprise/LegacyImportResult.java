package cn.singlewindow.realname.messages.enterprise;

/**
 * What importing a migrated enterprise did: imported it, or found it imported before with the same data and changed
 * nothing ({@code enterpriseId} is then the one imported before).
 */
public record LegacyImportResult(EnterpriseId enterpriseId, Outcome outcome) {

    public enum Outcome { IMPORTED, UNCHANGED }
}
