package cn.singlewindow.realname.command.common;

import cn.singlewindow.realname.messages.common.RejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Turns a domain rejection into a {@link CommandExecutionException} whose details carry the
 * {@link cn.singlewindow.realname.messages.common.Rejection}: only details survive the trip back from a remote
 * handler (Axon Server), so callers see one shape whichever bus ran the command.
 */
@Component
class RejectionTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RejectedException rejected) {
            throw new CommandExecutionException(rejected.getMessage(), null, rejected.rejection());
        }
    }
}
