package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Where a refused card login is recorded when the card belongs to an enterprise but to none of its accounts. */
public interface CardLoginRefusals {

    void record(EnterpriseId enterpriseId, String certificateSerial, String reasonCode);
}
