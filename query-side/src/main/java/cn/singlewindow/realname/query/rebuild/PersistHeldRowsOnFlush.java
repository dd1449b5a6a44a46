package cn.singlewindow.realname.query.rebuild;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.springframework.stereotype.Component;

/**
 * Before Hibernate flushes, explicitly or ahead of a query, the rows a rebuild holds ({@link RebuiltRows}) are
 * persisted, so that the flush inserts them and a bulk statement (a person's erasure) finds them.
 */
@Component
class PersistHeldRowsOnFlush implements FlushEventListener, AutoFlushEventListener {

    PersistHeldRowsOnFlush(EntityManagerFactory entityManagerFactory) {
        EventListenerRegistry listeners = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        listeners.prependListeners(EventType.FLUSH, this);
        listeners.prependListeners(EventType.AUTO_FLUSH, this);
    }

    @Override
    public void onFlush(FlushEvent event) {
        RebuiltRows.persistHeld(event.getSession()::persist);
    }

    @Override
    public void onAutoPreFlush(EventSource session) {
        RebuiltRows.persistHeld(session::persist);
    }

    @Override
    public void onAutoFlush(AutoFlushEvent event) {
        RebuiltRows.persistHeld(event.getSession()::persist);
    }
}
