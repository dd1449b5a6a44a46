package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.common.Refusal;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A card of this enterprise (its certificate is the E-Port CA's) was refused at login and is bound to no account of
 * it: the card's serial and why. Nothing about the enterprise changes.
 */
public record CardLoginRefused(EnterpriseId enterpriseId, String certificateSerial, String reasonCode)
        implements EnterpriseEvent, Refusal {
}
