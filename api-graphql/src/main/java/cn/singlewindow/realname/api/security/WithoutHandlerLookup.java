package cn.singlewindow.realname.api.security;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Spring Security 6 puts a filter before its chain that looks up Spring MVC's handler for every request, so that
 * {@code MvcRequestMatcher} and CORS can reuse it ({@code WebMvcSecurityConfiguration}). This service uses neither:
 * its matchers are path patterns ({@link WebSecurity}) and it has no CORS. The lookup repeats the dispatcher's own and
 * was 7% of a read's CPU (docs/performance.md); Spring Security 7 drops it. This puts the chain back as
 * Spring Security built it. A wrapper of any other shape is left as it is.
 *
 * <p>Spring Security wraps the chain while bean definitions are registered; a plain bean factory post-processor runs
 * after every registry post-processor, so the wrapper is always in place by then.
 */
final class WithoutHandlerLookup implements BeanFactoryPostProcessor {

    static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String CONFIGURATION = "org.springframework.security.config.annotation.web.configuration";
    private static final String WRAPPER = CONFIGURATION + ".WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String LOOKUP = CONFIGURATION
            + ".WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";
    private static final Log LOG = LogFactory.getLog(WithoutHandlerLookup.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)
                || !WRAPPER.equals(registry.getBeanDefinition(FILTER_CHAIN).getBeanClassName())) {
            return;
        }
        ValueHolder filters = registry.getBeanDefinition(FILTER_CHAIN).getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        List<?> wrapped = filters != null && filters.getValue() instanceof List<?> list ? list : List.of();
        List<BeanDefinition> chains = wrapped.stream().filter(BeanDefinition.class::isInstance)
                .map(BeanDefinition.class::cast).filter(filter -> !LOOKUP.equals(filter.getBeanClassName())).toList();
        if (wrapped.size() != 2 || chains.size() != 1) {
            LOG.warn("Spring Security's filter chain is wrapped in an unknown way; left as it is");
            return;
        }
        registry.removeBeanDefinition(FILTER_CHAIN);
        registry.registerBeanDefinition(FILTER_CHAIN, chains.get(0));
    }
}
