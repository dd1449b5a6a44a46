package cn.singlewindow.realname.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The running service with its events in Axon's in-memory engine instead of PostgreSQL's (everything else still in
 * PostgreSQL, a cluster of its own): a test class that extends another under this annotation runs the same tests on
 * the second engine, proving the feature reaches events only through Axon's event store.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@TestPropertySource(properties = {"realname.event-store.engine=memory",
        "realname.embedded-db.data-dir=${realname.data-dir}/pgdata-memory-engine"})
public @interface OnAxonInMemoryEngine {
}
