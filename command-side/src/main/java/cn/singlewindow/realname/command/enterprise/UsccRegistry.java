package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;

/**
 * One enterprise user per USCC, a rule across aggregates. Implementations write in the command's own
 * transaction behind a unique constraint, so two racing commands cannot both succeed.
 */
public interface UsccRegistry {

    /** Claims the code for the enterprise; rejects with USCC_ALREADY_REGISTERED when another holds it. */
    void claim(Uscc uscc, EnterpriseId enterpriseId);

    /** The enterprise user holding the code, if any. */
    java.util.Optional<EnterpriseId> holderOf(Uscc uscc);

    /** The enterprise user whose USCC carries this organisation code (positions 9-17), if any. */
    java.util.Optional<EnterpriseId> holderOfOrgCode(String orgCode);

    /**
     * Moves the enterprise's claim from one code to another; fails with Axon's ConcurrencyException when the
     * enterprise no longer holds {@code from} (another command moved it first).
     */
    void move(Uscc from, Uscc to, EnterpriseId enterpriseId);
}
