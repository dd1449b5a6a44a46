package cn.singlewindow.realname.query.rebuild;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The read models' repositories without Spring Data's transaction around each call. Projections write only while
 * an event is applied, in the transaction of its unit of work or of the rebuild, and reads need none; the
 * per-call interceptor (finding the transaction manager, joining the transaction) was 13% of a rebuild's thread.
 * Their base class spares a rebuild lookups and updates ({@link RebuiltRows}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "cn.singlewindow.realname.query", enableDefaultTransactions = false,
        repositoryBaseClass = ProjectionRepository.class)
class ProjectionRepositories {
}
