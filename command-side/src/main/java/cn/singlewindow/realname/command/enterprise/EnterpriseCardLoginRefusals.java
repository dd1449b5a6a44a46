package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Records the refusal in the enterprise's own stream, in the login's unit of work. */
@Component
class EnterpriseCardLoginRefusals implements CardLoginRefusals {

    private final Repository<Enterprise> enterprises;

    EnterpriseCardLoginRefusals(Repository<Enterprise> enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public void record(EnterpriseId enterpriseId, String certificateSerial, String reasonCode) {
        enterprises.load(enterpriseId.value()).execute(enterprise ->
                enterprise.recordCardLoginRefused(certificateSerial, reasonCode));
    }
}
