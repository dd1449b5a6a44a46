package cn.singlewindow.realname.messages.enterprise;

/**
 * An event that belongs to one enterprise's history, whichever aggregate emitted it. Projections sequence
 * on this id, so an enterprise and its accounts are projected in order.
 */
public interface EnterpriseEvent {

    /** The enterprise, or null for events of accounts that belong to none (staff, personal). */
    EnterpriseId enterpriseId();
}
