package cn.singlewindow.realname.query.directory;

import cn.singlewindow.realname.eventstore.readmodel.ReadModelListener;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.query.rebuild.ProjectionUpdates;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Enterprise views (with their certification overview) kept in memory after a read: the most frequent read, whose
 * SQL query was a fifth of its cost. The node's change listener (the database's notifications of every change to
 * the rows they are read from, by any node) drops a view when its rows change; views are kept only while that
 * listener is connected, since a change it missed would otherwise stay unseen.
 * <p>
 * A view read before a change but stored after it must not stay: each store is checked against a counter of the
 * changes seen for its slot since its read began, and undone when one came in between.
 */
@Component
class KeptEnterpriseViews implements EnterpriseViews, ReadModelListener {

    private static final int SLOTS = 1024;

    private final Cache<String, EnterpriseView> views;
    private final AtomicLongArray changesSeen = new AtomicLongArray(SLOTS);
    private volatile boolean listening;

    KeptEnterpriseViews(ReadModelSettings settings) {
        // The expiry only bounds memory for views no longer read; a change drops its view at once.
        this.views = Caffeine.newBuilder().maximumSize(settings.enterpriseViews()).expireAfterAccess(Duration.ofMinutes(10))
                .recordStats().build();
    }

    /** The views kept, for the hit, miss and eviction counts operators watch. */
    Cache<String, EnterpriseView> cache() {
        return views;
    }

    Optional<EnterpriseView> read(String enterpriseId, Function<String, Optional<EnterpriseView>> load) {
        EnterpriseView kept = views.getIfPresent(enterpriseId);
        if (kept != null) {
            return Optional.of(kept);
        }
        int slot = slot(enterpriseId);
        long changesBefore = changesSeen.get(slot);
        Optional<EnterpriseView> loaded = load.apply(enterpriseId);
        if (loaded.isPresent() && listening) {
            views.put(enterpriseId, loaded.get());
            // A change seen since the read began, or the listener lost meanwhile: the view may predate it.
            if (changesSeen.get(slot) != changesBefore || !listening) {
                views.invalidate(enterpriseId);
            }
        }
        return loaded;
    }

    @Override
    public void changed(String enterpriseId) {
        changesSeen.incrementAndGet(slot(enterpriseId));
        views.invalidate(enterpriseId);
    }

    @Override
    public void changedAfterCommit(String enterpriseId) {
        if (!ProjectionUpdates.live()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> changed(enterpriseId));
        } else {
            changed(enterpriseId);
        }
    }

    @Override
    public void allChanged() {
        for (int slot = 0; slot < SLOTS; slot++) {
            changesSeen.incrementAndGet(slot);
        }
        views.invalidateAll();
    }

    @Override
    public boolean keeping() {
        return listening;
    }

    @Override
    public void listening(boolean listening) {
        this.listening = listening;
        allChanged();
    }

    private static int slot(String enterpriseId) {
        return enterpriseId.hashCode() & (SLOTS - 1);
    }
}
