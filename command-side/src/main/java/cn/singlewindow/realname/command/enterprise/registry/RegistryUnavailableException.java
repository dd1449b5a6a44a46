package cn.singlewindow.realname.command.enterprise.registry;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;

/** The registry did not answer in time or answered with an error: nothing is decided, try later. */
public class RegistryUnavailableException extends RejectedException {

    public static final Rejection UNAVAILABLE = Rejection.of("REGISTRY_UNAVAILABLE",
            "The enterprise registry cannot be reached right now; please try again later.",
            "企业信息核验服务暂时无法访问，请稍后再试。");

    public RegistryUnavailableException() {
        super(UNAVAILABLE);
    }
}
