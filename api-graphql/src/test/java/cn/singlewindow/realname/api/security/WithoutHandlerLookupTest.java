package cn.singlewindow.realname.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.security.web.FilterChainProxy;

/** The post-processor on its own; {@code SecurityChainTest} checks the running service. */
class WithoutHandlerLookupTest {

    private static final String CONFIGURATION = "org.springframework.security.config.annotation.web.configuration"
            + ".WebMvcSecurityConfiguration$";

    private final DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
    private final BeanDefinition chain = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class)
            .getBeanDefinition();

    private BeanDefinition wrapper(BeanDefinition... filters) {
        ManagedList<BeanDefinition> list = new ManagedList<>();
        list.addAll(List.of(filters));
        BeanDefinition wrapper = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class)
                .addConstructorArgValue(list).getBeanDefinition();
        wrapper.setBeanClassName(CONFIGURATION + "CompositeFilterChainProxy");
        return wrapper;
    }

    private static BeanDefinition lookup() {
        BeanDefinition lookup = BeanDefinitionBuilder.genericBeanDefinition().getBeanDefinition();
        lookup.setBeanClassName(CONFIGURATION + "HandlerMappingIntrospectorCacheFilterFactoryBean");
        return lookup;
    }

    @Test
    void the_chain_spring_security_built_takes_the_wrappers_place() {
        registry.registerBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN, wrapper(lookup(), chain));

        new WithoutHandlerLookup().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN)).isSameAs(chain);
    }

    @Test
    void a_wrapper_of_another_shape_is_left_as_it_is() {
        BeanDefinition unknown = wrapper(lookup(), chain, BeanDefinitionBuilder.genericBeanDefinition()
                .getBeanDefinition());
        registry.registerBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN, unknown);

        new WithoutHandlerLookup().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN)).isSameAs(unknown);
    }

    @Test
    void a_chain_not_wrapped_is_left_as_it_is() {
        registry.registerBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN, chain);

        new WithoutHandlerLookup().postProcessBeanFactory(registry);

        assertThat(registry.getBeanDefinition(WithoutHandlerLookup.FILTER_CHAIN)).isSameAs(chain);
    }
}
