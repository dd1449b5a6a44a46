package cn.singlewindow.realname.query.directory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

/** How often `enterprise(id)` is answered from memory: cache metrics named {@code enterprise_views}. */
@Component
class EnterpriseViewsMetrics implements MeterBinder {

    private final KeptEnterpriseViews views;

    EnterpriseViewsMetrics(KeptEnterpriseViews views) {
        this.views = views;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, views.cache(), "enterprise_views");
    }
}
